import { z } from 'zod';
import { FIELD_IDS } from '../fields.js';

/** An entity id as the server issues it (`acc_…`, `chl_…`, `bid_…`). Unknown ids are a 404, not a 400. */
export const Id = z.string().min(1).max(64).meta({ description: 'Entity id', example: 'chl_8f3k2m9q1x' });

/** An ISO 8601 timestamp with offset, as every stored and returned time is. */
export const IsoDateTime = z.iso.datetime({ offset: true }).meta({ example: '2026-12-31T16:00:00.000Z' });

export const Locale = z.enum(['en', 'zh']).meta({ id: 'Locale', description: 'Interface language' });
export type Locale = z.infer<typeof Locale>;

export const FieldId = z.enum(FIELD_IDS).meta({ id: 'FieldId', description: 'A field of the taxonomy (GET /api/fields)' });
export type FieldId = z.infer<typeof FieldId>;

/** A list of fields: at most the whole taxonomy, duplicates dropped. */
export const FieldList = z
  .array(FieldId)
  .max(FIELD_IDS.length)
  .transform((ids) => [...new Set(ids)]);

// Characters that show nothing: white space, the zero-width and other default-ignorable code points
// (U+200B–U+200D, U+2060, U+FEFF, soft hyphen, bidi marks, variation selectors…), controls and the blank
// Braille pattern. A name made only of these reads as empty while passing any length check.
const VISIBLE_CHARACTER = /[^\s\p{Default_Ignorable_Code_Point}\p{Cc}\u2800]/u;
// Only white space and the zero-width characters are trimmed: other ignorable code points at an end can
// belong to what precedes them (an emoji's variation selector, a flag's tag sequence).
const EDGES = /^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g;

/** `value` without white space and zero-width characters at either end. */
export function trimText(value: string): string {
  return value.replace(EDGES, '');
}

/** True when `value` has at least one character that shows (not only spaces or invisible characters). */
export function hasVisibleText(value: string): boolean {
  return VISIBLE_CHARACTER.test(value);
}

export const VISIBLE_TEXT_MESSAGE = 'must contain visible characters, not only spaces or invisible ones';

/**
 * Text between `min` and `max` characters, trimmed of white space and zero-width characters at the ends.
 * Unless empty (allowed only when `min` is 0), it must contain a visible character.
 */
export function text(min: number, max: number) {
  return z
    .string()
    .overwrite(trimText)
    .refine((s) => (s.length === 0 ? min === 0 : hasVisibleText(s)), { message: VISIBLE_TEXT_MESSAGE, abort: true })
    .min(min)
    .max(max);
}

/** Short free keywords (any language), trimmed; blanks (invisible ones too) and duplicates dropped. */
export const KeywordList = z
  .array(
    z
      .string()
      .overwrite(trimText)
      .max(60)
      .refine((w) => w.length === 0 || hasVisibleText(w), VISIBLE_TEXT_MESSAGE),
  )
  .max(30)
  .transform((words) => [...new Set(words.filter((w) => w.length > 0))]);

/** ISO 4217 currency code. */
export const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'currency must be a 3-letter ISO 4217 code such as CNY or USD');

/** `n` to the nearest cent (toFixed rounds to the nearest hundredth, and reads it back exactly). */
const toCents = (n: number) => Number(n.toFixed(2));

/** `n` rounded to the cent when it differs from it only by floating-point noise (0.1 + 0.2), else `n`. */
function withoutFloatNoise(n: number): number {
  const cents = toCents(n);
  return Math.abs(n - cents) <= 1e-9 * Math.max(1, Math.abs(n)) ? cents : n;
}

/**
 * An amount of money in major units: at least 0.01, at most 10^12, with at most two decimals (0.07 is;
 * 100.005 is not). Floating-point noise such as 0.30000000000000004 is rounded to the cent, so 5e-324
 * reads as 0 and is refused.
 */
export const Amount = z
  .number()
  .overwrite(withoutFloatNoise)
  .min(0.01, 'must be at least 0.01')
  .max(1e12, 'must be at most 1000000000000')
  .refine((n) => toCents(n) === n, 'at most two decimals (cents)');

/** An amount of money and its currency. */
export const Money = z
  .object({
    amount: Amount,
    currency: Currency.default('CNY'),
  })
  .meta({ id: 'Money', example: { amount: 500000, currency: 'CNY' } });
export type Money = z.infer<typeof Money>;

/** `cursor` and `limit` of every list endpoint. */
export const PageQuery = z.object({
  cursor: z.string().max(200).optional().meta({ description: 'Opaque cursor from a previous page' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** Every list endpoint answers `{ items, nextCursor }`; `nextCursor` is null on the last page. */
export function Page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
