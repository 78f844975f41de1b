import { describe, expect, it } from 'vitest';
import { DEMO_DATASET } from '../../../server/demo/dataset.js';
import { seedDemoDatabase } from '../../../server/demo/seed.js';
import { openPgStore } from '../../../server/store/pg/pg-store.js';
import { openSeedMarks } from '../../../server/store/pg/seed-marks.js';
import { usePostgres } from '../../support/postgres.js';
import { account } from '../store/contract/rows.js';

const cluster = usePostgres();

/** A database with the migrations applied and `prepare` run on it. */
async function database(prepare: (url: string) => Promise<void> = async () => undefined): Promise<string> {
  const url = await cluster().createDatabase();
  await (await openPgStore({ connectionString: url })).close();
  await prepare(url);
  return url;
}

describe('seedDemoDatabase', () => {
  it('loads the demo into an empty database once, then uses it as it is', async () => {
    const url = await database();
    expect(await seedDemoDatabase(url)).toBe(true);
    const store = await openPgStore({ connectionString: url });
    try {
      expect(await store.tables.accounts.count()).toBe(DEMO_DATASET.accounts.length);
      expect(await store.tables.challenges.count()).toBe(DEMO_DATASET.challenges.length);
    } finally {
      await store.close();
    }
    expect(await seedDemoDatabase(url)).toBe(false);
  }, 120_000);

  it('refuses a database whose demo load did not finish, changing nothing', async () => {
    const url = await database(async (url) => {
      const marks = openSeedMarks(url);
      await marks.begin('demo');
      await marks.close();
    });
    await expect(seedDemoDatabase(url)).rejects.toThrow(/did not finish.*Drop and create it again/);
  });

  it('refuses a database holding other data, never mixing the demo in', async () => {
    const url = await database(async (url) => {
      const store = await openPgStore({ connectionString: url });
      await store.transact((tx) => tx.accounts.insert(account('acc_real')));
      await store.close();
    });
    await expect(seedDemoDatabase(url)).rejects.toThrow(/already holds data that is not the demo/);
    const marks = openSeedMarks(url);
    try {
      expect(await marks.state('demo')).toBe('absent');
    } finally {
      await marks.close();
    }
  });
});
