import type { AnyRow } from './mem-table.js';
import type { TableName } from './rows.js';
import { LIST_KEYS, type PageWindow } from './store.js';

type ListKey = (row: AnyRow) => string;

/** The list key of `table`'s rows; throws for a table that has no list order. */
export function listKeyOf(table: TableName): ListKey {
  const key = (LIST_KEYS as Partial<Record<TableName, ListKey>>)[table];
  if (!key) throw new Error(`${table} has no list order (LIST_KEYS): it cannot be paged`);
  return key;
}

/**
 * The lowdb store's `page`: `rows` (one index value's, so a few hundred at most) sorted by list key in
 * memory, then cut to the window, as PostgreSQL's `ORDER BY list_key … LIMIT` would.
 */
export function listWindow(table: TableName, rows: readonly AnyRow[], { direction, after, limit }: PageWindow): AnyRow[] {
  const key = listKeyOf(table);
  const keyed = rows.map((row) => ({ row, key: key(row) }));
  const sign = direction === 'asc' ? 1 : -1;
  const inWindow = after === undefined ? keyed : keyed.filter((r) => (direction === 'asc' ? r.key > after : r.key < after));
  inWindow.sort((a, b) => (a.key < b.key ? -sign : a.key > b.key ? sign : 0));
  return inWindow.slice(0, limit).map((r) => r.row);
}

/** The rows of `ids` that `get` finds, by id. */
export function rowsById(ids: readonly string[], get: (id: string) => AnyRow | undefined): Map<string, AnyRow> {
  const found = new Map<string, AnyRow>();
  for (const id of ids) {
    const row = get(id);
    if (row) found.set(id, row);
  }
  return found;
}
