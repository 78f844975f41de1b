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

/** Short free keywords (any language), trimmed, blanks and duplicates dropped. */
export const KeywordList = z
  .array(z.string().trim().max(60))
  .max(30)
  .transform((words) => [...new Set(words.filter((w) => w.length > 0))]);

/** ISO 4217 currency code. */
export const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'currency must be a 3-letter ISO 4217 code such as CNY or USD');

/** An amount of money: non-negative, at most two decimals. */
export const Money = z
  .object({
    amount: z.number().nonnegative().max(1e12).multipleOf(0.01, 'at most two decimals'),
    currency: Currency.default('CNY'),
  })
  .meta({ id: 'Money', example: { amount: 500000, currency: 'CNY' } });
export type Money = z.infer<typeof Money>;

/** Trimmed text between `min` and `max` characters. */
export const text = (min: number, max: number) => z.string().trim().min(min).max(max);

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
