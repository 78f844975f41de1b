import type { TableName } from '../store/rows.js';
import type { Store, StoreHealth } from '../store/store.js';

/**
 * What the edge may know of storage without holding it: whether it can write now (for /healthz), and that
 * something was committed (for caches of public pages). It reads and writes nothing.
 */
export function createStorageStatus({ store }: { store: Store }) {
  return {
    /** Ok while the store can write; otherwise why not. */
    health: (): StoreHealth => store.health(),
    /**
     * Calls `listener` after every commit (of any instance, where the store follows them), in commit order,
     * with the tables it changed. Returns a function that stops the calls.
     */
    onCommit: (listener: (tables: ReadonlySet<TableName>) => void): (() => void) =>
      store.onCommit((changes) => listener(new Set(changes.map((change) => change.table)))),
  };
}

export type StorageStatus = ReturnType<typeof createStorageStatus>;
