import { randomBytes } from 'node:crypto';

/** Short-lived keys for texts too long for a button's callback data (search queries). */
export interface QueryMemo {
  /** A key for `text`; the same text gets the same key while it is remembered. */
  remember(text: string): string;
  /** The text behind a key, or undefined when forgotten (older than the capacity, or another process). */
  recall(key: string): string | undefined;
}

/**
 * A bounded in-memory memo: the `capacity` most recently used texts. It is lost on restart on purpose — a
 * "More" button of an old list then answers that the list expired, which is the truth.
 */
export function createQueryMemo(capacity = 2000): QueryMemo {
  const byKey = new Map<string, string>();
  const byText = new Map<string, string>();

  function touch(key: string, text: string): void {
    byKey.delete(key);
    byKey.set(key, text);
    byText.set(text, key);
    while (byKey.size > capacity) {
      const [oldKey, oldText] = byKey.entries().next().value as [string, string];
      byKey.delete(oldKey);
      byText.delete(oldText);
    }
  }

  return {
    remember(text) {
      const key = byText.get(text) ?? randomBytes(5).readUIntBE(0, 5).toString(36).padStart(4, '0');
      touch(key, text);
      return key;
    },
    recall(key) {
      const text = byKey.get(key);
      if (text !== undefined) touch(key, text);
      return text;
    },
  };
}
