import type { Rows, TableName } from '../store/rows.js';
import type { Change, Store } from '../store/store.js';

/** What a derived in-memory structure (a search index) must offer to be kept in step with a table. */
export interface TableFollower<T extends TableName> {
  upsert(row: Readonly<Rows[T]>): void;
  remove(id: string): void;
}

/**
 * Loads every row of `table` into `follower`, then applies each committed change to it, in commit order,
 * until the returned function is called. Changes committed while the initial load runs are queued and
 * applied after it, so the follower never ends on a row older than the store's.
 */
export async function followTable<T extends TableName>(
  store: Store,
  table: T,
  follower: TableFollower<T>,
): Promise<() => void> {
  let queued: Change[] | null = [];
  const apply = (change: Change) => {
    if (change.after) follower.upsert(change.after as Readonly<Rows[T]>);
    else follower.remove(change.id);
  };
  const stop = store.onCommit((changes) => {
    for (const change of changes) {
      if (change.table !== table) continue;
      if (queued) queued.push(change);
      else apply(change);
    }
  });
  try {
    const rows = (await store.tables[table].all()) as readonly Readonly<Rows[T]>[];
    for (const row of rows) follower.upsert(row);
  } catch (error) {
    stop();
    throw error;
  }
  const backlog = queued;
  queued = null;
  for (const change of backlog) apply(change);
  return stop;
}
