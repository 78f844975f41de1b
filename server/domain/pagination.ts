import type { Page, PageQuery } from '../../shared/schemas/common.js';
import { DomainError } from './errors.js';

/**
 * One page of `items` (already in their final order). The cursor is opaque to clients: with `keyOf` it
 * names the last item seen, so items added at the top between two calls neither repeat nor get skipped
 * (keys must be unique and strictly ordered the way `items` are); without it, it is an offset.
 */
export function paginate<T>(items: readonly T[], page: PageQuery, keyOf?: (item: T) => string): Page<T> {
  let start = 0;
  if (page.cursor) {
    const decoded = decodeCursor(page.cursor);
    if (keyOf) {
      if (decoded.kind !== 'key') throw badCursor();
      const at = items.findIndex((item) => keyOf(item) === decoded.value);
      // The item the cursor names may be gone: continue after where it would sort, in the list's direction.
      const descending = items.length > 1 && keyOf(items[0]!) > keyOf(items[items.length - 1]!);
      const after = (key: string) => (descending ? key < decoded.value : key > decoded.value);
      start = at >= 0 ? at + 1 : items.findIndex((item) => after(keyOf(item)));
      if (start < 0) start = items.length;
    } else {
      if (decoded.kind !== 'offset') throw badCursor();
      start = Number(decoded.value);
    }
  }
  const slice = items.slice(start, start + page.limit);
  const more = start + page.limit < items.length;
  const last = slice.at(-1);
  const nextCursor = !more || last === undefined ? null : keyOf ? encodeCursor('key', keyOf(last)) : encodeCursor('offset', String(start + page.limit));
  return { items: slice, nextCursor };
}

/** Which rows a keyset page reads: after the cursor's key (if any), at most `limit`. */
export interface KeysetWindow {
  after?: string;
  limit: number;
}

/**
 * One page of a list the store reads in order itself (TableReader.page): `read` is asked for one row more
 * than the page, to know whether another follows, and never for the rows before the cursor. The cursor
 * is `paginate`'s keyed one, naming the last item's `keyOf` (the table's LIST_KEYS key), so it carries on
 * after where that item sorted even if it is gone.
 */
export async function keysetPage<T>(page: PageQuery, read: (window: KeysetWindow) => Promise<readonly T[]>, keyOf: (item: T) => string): Promise<Page<T>> {
  let after: string | undefined;
  if (page.cursor) {
    const decoded = decodeCursor(page.cursor);
    if (decoded.kind !== 'key') throw badCursor();
    after = decoded.value;
  }
  const rows = await read({ ...(after === undefined ? {} : { after }), limit: page.limit + 1 });
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last !== undefined ? encodeCursor('key', keyOf(last)) : null };
}

/**
 * How many items from the top of an offset-paged list `paginate` needs to cut this page and to know
 * whether another follows: the cursor's offset, the page, and one more. A list can rank just that many.
 */
export function offsetPageEnd(page: PageQuery): number {
  if (!page.cursor) return page.limit + 1;
  const decoded = decodeCursor(page.cursor);
  if (decoded.kind !== 'offset') throw badCursor();
  return Number(decoded.value) + page.limit + 1;
}

function encodeCursor(kind: 'key' | 'offset', value: string): string {
  return Buffer.from(`${kind}:${value}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { kind: 'key' | 'offset'; value: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  const kind = text.slice(0, colon);
  const value = text.slice(colon + 1);
  if (kind === 'key' && value) return { kind, value };
  if (kind === 'offset' && /^\d{1,9}$/.test(value)) return { kind, value };
  throw badCursor();
}

/** A cursor the list never gave out is a malformed request (400, as the API documents), not a schema miss. */
const badCursor = () => new DomainError('bad_request', 'cursor is not one this list gave out; start again without it');
