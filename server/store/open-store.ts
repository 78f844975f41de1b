import { openLowdbStore } from './lowdb-store.js';
import { openPgStore } from './pg/pg-store.js';
import type { Store } from './store.js';

export interface StoreLocation {
  /** PostgreSQL's connection URL; null or absent for the embedded lowdb store. */
  databaseUrl?: string | null;
  /** The lowdb store's directory (unused with a database URL). */
  dataDir: string;
}

/**
 * The store the configuration names: PostgreSQL when there is a database URL (its pending migrations run
 * first, under an advisory lock, so instances starting together migrate once), else the lowdb store on
 * `dataDir` (which it locks for this process).
 */
export function openStore({ databaseUrl, dataDir }: StoreLocation): Promise<Store> {
  return databaseUrl ? openPgStore({ connectionString: databaseUrl }) : openLowdbStore({ dataDir });
}
