/**
 * Strings jsonb cannot hold, kept anyway. PostgreSQL refuses U+0000 and lone UTF-16 surrogates in jsonb (and
 * text), while JavaScript strings, the API and the lowdb store keep them. Before a row is written each such
 * character becomes ESCAPE and its code as 4 hex digits, ESCAPE itself included, and a read turns them
 * back, so every string round-trips exactly and an escaped string never reads as anything else.
 */

/** U+E000, private use: rare in real text, and escaped itself when it does occur. */
const ESCAPE = '\uE000';
const UNSTORABLE_SOURCE = '[\\u0000\\uE000]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const UNSTORABLE = new RegExp(UNSTORABLE_SOURCE);
const EVERY_UNSTORABLE = new RegExp(UNSTORABLE_SOURCE, 'g');
const ESCAPED = /\uE000([0-9a-f]{4})/g;

/**
 * `text` as stored: what a row's string field holds in jsonb, and so what its id and index columns hold.
 * Query parameters compared with those columns go through this too.
 */
export function toStoredText(text: string): string {
  return UNSTORABLE.test(text) ? text.replace(EVERY_UNSTORABLE, (char) => ESCAPE + char.charCodeAt(0).toString(16).padStart(4, '0')) : text;
}

/** `value` as jsonb input text: JSON, with the strings PostgreSQL would refuse escaped. */
export function toJsonbText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? toStoredText(v) : v));
}

/** A value read from jsonb with its escaped strings restored (in place: it was just parsed, nothing else holds it). */
export function fromJsonb<T>(value: T): T {
  if (typeof value === 'string') return (value.includes(ESCAPE) ? value.replace(ESCAPED, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : value) as T;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = fromJsonb(value[i]);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = fromJsonb(record[key]);
  }
  return value;
}
