import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { TransactionConflictError } from '../../../../server/store/pg/errors.js';
import { migrate } from '../../../../server/store/pg/migrate.js';
import { openPgStore, type PgStoreOptions } from '../../../../server/store/pg/pg-store.js';
import { createPgPool } from '../../../../server/store/pg/pool.js';
import { StoreUnavailableError, type Store, type Writers } from '../../../../server/store/store.js';
import { usePostgres } from '../../../support/postgres.js';
import { tcpRelay } from '../../../support/tcp-relay.js';
import { account, challenge, save } from '../contract/rows.js';

const cluster = usePostgres();
const opened: Store[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function open(connectionString: string, options: Partial<PgStoreOptions> = {}): Promise<Store> {
  const store = await openPgStore({ connectionString, ...options });
  opened.push(store);
  return store;
}

/**
 * Two transactions in write skew: each reads what the other writes, both read before either writes, so
 * SERIALIZABLE lets only one commit. The first run of each waits at the barrier; reruns go straight through.
 */
function writeSkew(store: Store): [() => Promise<string>, () => Promise<string>] {
  let arrived = 0;
  let release!: () => void;
  const barrier = new Promise<void>((resolve) => (release = resolve));
  const runs = { a: 0, b: 0 };
  const side = (me: 'a' | 'b', other: 'a' | 'b') => () =>
    store.transact(async (tx: Writers) => {
      const theirs = await tx.saves.where('accountId', other);
      if (++runs[me] === 1 && ++arrived === 2) release();
      if (runs[me] === 1) await barrier;
      await tx.saves.insert(save(me, `chl_${runs[me]}`));
      return `${me}: saw ${theirs.length}, run ${runs[me]}`;
    });
  return [side('a', 'b'), side('b', 'a')];
}

describe('PostgreSQL store', () => {
  it('runs a transaction again after a serialization failure, so both sides of a write skew commit in turn', async () => {
    const store = await open(await cluster().createDatabase());
    const [a, b] = writeSkew(store);
    const results = await Promise.all([a(), b()]);
    // One committed on its first run having seen nothing; the other ran again and saw the first's row.
    expect(results.map((r) => r.slice('a: '.length)).sort()).toEqual(['saw 0, run 1', 'saw 1, run 2']);
    expect(await store.tables.saves.count()).toBe(2);
  });

  it('runs again a transaction that updates a row it read before another commit changed it, so no increment is lost', async () => {
    const store = await open(await cluster().createDatabase());
    await store.transact((tx) => tx.challenges.insert(challenge('chl_1', 'acc_1')));
    let runs = 0;
    let read!: () => void;
    const wasRead = new Promise<void>((resolve) => (read = resolve));
    let proceed!: () => void;
    const otherCommitted = new Promise<void>((resolve) => (proceed = resolve));
    const slow = store.transact(async (tx) => {
      const seen = await tx.challenges.get('chl_1');
      if (++runs === 1) {
        read();
        await otherCommitted;
      }
      // The row as read above (the first run's copy is stale by now): the update must not apply to it.
      return tx.challenges.update('chl_1', { counters: { ...seen!.counters, bids: seen!.counters.bids + 1 } });
    });
    await wasRead;
    await store.transact((tx) => tx.challenges.update('chl_1', (c) => ({ ...c, counters: { ...c.counters, bids: c.counters.bids + 1 } })));
    proceed();
    expect((await slow).counters.bids).toBe(2);
    expect(runs).toBe(2);
    expect((await store.tables.challenges.get('chl_1'))?.counters.bids).toBe(2);
  });

  it('gives up with TransactionConflictError after maxAttempts runs', async () => {
    const store = await open(await cluster().createDatabase(), { maxAttempts: 1 });
    const [a, b] = writeSkew(store);
    const outcomes = await Promise.allSettled([a(), b()]);
    const failed = outcomes.filter((o) => o.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect((failed[0] as PromiseRejectedResult).reason).toBeInstanceOf(TransactionConflictError);
    expect(await store.tables.saves.count()).toBe(1);
  });

  it('does not commit a transaction whose function swallowed a failed statement', async () => {
    const store = await open(await cluster().createDatabase());
    const error = await store
      .transact(async (tx) => {
        await tx.saves.insert(save('acc_1', 'chl_1'));
        await tx.saves.insert({ ...save('acc_1', 'chl_1'), id: 'other' }).catch(() => undefined);
        return 'carried on';
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UniqueViolationError', constraint: 'saves_one_per_account' });
    expect(await store.tables.saves.count()).toBe(0);
  });

  it('reads through the transaction when `tables` is used inside one', async () => {
    const store = await open(await cluster().createDatabase(), { maxConnections: 1 });
    await store.transact(async (tx) => {
      await tx.saves.insert(save('acc_1', 'chl_1'));
      // With one connection, a read that took another would wait for ever.
      expect(await store.tables.saves.get('acc_1:chl_1')).toEqual(save('acc_1', 'chl_1'));
      expect(await store.tables.saves.count()).toBe(1);
    });
  });

  it('migrates once when instances start together, and a second run applies nothing', async () => {
    const url = await cluster().createDatabase();
    await Promise.all([open(url), open(url), open(url)]);
    const pool = createPgPool({ connectionString: url });
    try {
      expect(await migrate(pool)).toEqual([]);
      const { rows } = await pool.query('SELECT name FROM schema_migrations ORDER BY version');
      const files = (await readdir(new URL('../../../../server/store/pg/migrations/', import.meta.url))).filter((f) => /^\d+_[\w-]+\.sql$/.test(f)).sort();
      expect(rows.map((r) => r.name)).toEqual(files);
    } finally {
      await pool.end();
    }
  });

  it('keeps stored emails in the normal form the domain writes (trimmed, lowercase)', async () => {
    const store = await open(await cluster().createDatabase());
    await expect(store.transact((tx) => tx.accounts.insert(account('acc_1', { email: 'Mixed@Example.org' })))).rejects.toThrow(/accounts_email_normalized/);
  });

  it('answers StoreUnavailableError while the database is out of reach, says so in health(), and recovers', async () => {
    const url = new URL(await cluster().createDatabase());
    const link = await tcpRelay(Number(url.port));
    url.port = String(link.port);
    const store = await open(url.toString());
    expect(store.health()).toEqual({ ok: true });

    await link.cut();
    await expect(store.transact((tx) => tx.saves.insert(save('acc_1', 'chl_1')))).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.tables.saves.count()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(store.health()).toMatchObject({ ok: false });

    await link.restore();
    await store.transact((tx) => tx.saves.insert(save('acc_1', 'chl_1')));
    expect(store.health()).toEqual({ ok: true });
    expect(await store.tables.saves.count()).toBe(1);
  });

  it('fails to open with StoreUnavailableError when nothing listens', async () => {
    const link = await tcpRelay(1);
    await link.cut();
    await expect(openPgStore({ connectionString: `postgres://postgres@127.0.0.1:${link.port}/none` })).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
