import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openLowdbStore } from '../../server/store/lowdb-store.js';
import { openPgStore } from '../../server/store/pg/pg-store.js';
import type { Store } from '../../server/store/store.js';
import './postgres-global-setup.js';

/** A fresh, empty store for one test, and how to throw its data away once it is closed. */
export interface TestStore {
  store: Store;
  /** Deletes what the store kept (the test's database); call after closing the store. */
  discard(): Promise<void>;
}

/** Which store the test files of this vitest project run on: `pg` provides a cluster, every other project is lowdb. */
export const testStoreKind: 'postgresql' | 'lowdb' = inject('postgres') ? 'postgresql' : 'lowdb';

async function onMaintenance<R>(url: string, run: (client: pg.Client) => Promise<R>): Promise<R> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh store of this project's kind: in the `pg` project a new database copied from the migrated
 * template, elsewhere the lowdb store on `dataDir`. Both start empty.
 */
export async function openTestStore(dataDir: string): Promise<TestStore> {
  const postgres = inject('postgres');
  if (!postgres) return { store: await openLowdbStore({ dataDir }), discard: async () => undefined };
  const name = `t_${process.pid}_${randomBytes(6).toString('hex')}`;
  await onMaintenance(postgres.url, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${postgres.template}`));
  const url = new URL(postgres.url);
  url.pathname = `/${name}`;
  // Few connections per test database: a test file's runtimes share one cluster with every other worker's.
  const store = await openPgStore({ connectionString: url.toString(), maxConnections: 4 });
  return {
    store,
    discard: () => onMaintenance(postgres.url, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
