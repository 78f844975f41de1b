import { vi } from 'vitest';

/**
 * Counts how many `Intl[kind]` formatters are built from now on (undo with `vi.unstubAllGlobals()`):
 * building one costs about 40× using one, so a page must not build one per date or amount.
 */
export function countIntlBuilds(kind: 'NumberFormat' | 'DateTimeFormat'): () => number {
  let built = 0;
  const original = Intl[kind];
  const counting = new Proxy(original, {
    construct(target, args: unknown[]) {
      built++;
      return Reflect.construct(target, args) as object;
    },
  });
  vi.stubGlobal('Intl', { ...Object.fromEntries(Object.getOwnPropertyNames(Intl).map((name) => [name, Intl[name as keyof typeof Intl]])), [kind]: counting });
  return () => built;
}
