import pg from 'pg';
import { toJsonbText } from '../server/store/pg/jsonb-text.js';
import { openPgStore } from '../server/store/pg/pg-store.js';
import type { Dataset } from './store-write.js';

/** Rows per INSERT: one statement carries a few MB of JSON, far below any limit, and a load takes seconds. */
const ROWS_PER_INSERT = 2_000;

/**
 * The bench dataset into an empty PostgreSQL database at `url`, migrated first (by opening the store). Rows
 * go in as batched INSERTs of jsonb arrays, straight into the tables: the store's one-row inserts would
 * cost 80,000 round trips and as many change-feed entries, a load no instance needs to follow (each
 * builds its indexes from the tables at start).
 */
export async function loadPostgres(url: string, data: Dataset): Promise<void> {
  await (await openPgStore({ connectionString: url })).close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const [table, rows] of [['accounts', data.accounts], ['challenges', data.challenges], ['bids', data.bids]] as const) {
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        await client.query(`INSERT INTO ${table} (id, row) SELECT r ->> 'id', r FROM jsonb_array_elements($1::jsonb) AS r`, [toJsonbText(rows.slice(i, i + ROWS_PER_INSERT))]);
      }
    }
    await client.query('COMMIT');
    // Settled, as a database that has been running a while is: statistics for the planner, and autovacuum's
    // pass over the fresh rows done now rather than on the CPU the measurements share.
    await client.query('VACUUM (ANALYZE)');
  } finally {
    await client.end();
  }
}
