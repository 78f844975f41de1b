import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openPgStore, type PgStoreOptions } from '../../../../server/store/pg/pg-store.js';
import type { Change, Store } from '../../../../server/store/store.js';
import { usePostgres } from '../../../support/postgres.js';
import { save } from '../contract/rows.js';

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

/** Row ids delivered to `store`'s listeners, in order, and a wait for a given id (no deadline but the test's). */
function follow(store: Store): { ids: string[]; transactions: Change[][]; until(id: string): Promise<void> } {
  const ids: string[] = [];
  const transactions: Change[][] = [];
  const waiters = new Map<string, () => void>();
  store.onCommit((changes) => {
    transactions.push([...changes]);
    for (const change of changes) {
      ids.push(change.id);
      waiters.get(change.id)?.();
    }
  });
  return {
    ids,
    transactions,
    until: (id) => (ids.includes(id) ? Promise.resolve() : new Promise((resolve) => waiters.set(id, resolve))),
  };
}

async function sql(connectionString: string, text: string, params: unknown[] = []): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

describe('PostgreSQL change feed', () => {
  it('starts at the end of the feed: a new instance gets commits made after it opened, not before', async () => {
    const url = await cluster().createDatabase();
    const first = await open(url);
    await first.transact((tx) => tx.saves.insert(save('acc_before', 'chl_1')));
    const late = await open(url);
    const seen = follow(late);
    await first.transact((tx) => tx.saves.insert(save('acc_after', 'chl_1')));
    await seen.until('acc_after:chl_1');
    expect(seen.ids).toEqual(['acc_after:chl_1']);
  });

  it('catches a commit whose wake-up never came, on its timer', async () => {
    const url = await cluster().createDatabase();
    const store = await open(url, { pollIntervalMs: 50 });
    const seen = follow(store);
    // Another writer that appends to the feed as the store does, but sends no NOTIFY.
    await sql(
      url,
      `BEGIN;
       SELECT pg_advisory_xact_lock(7390002);
       INSERT INTO saves (id, row) VALUES ('acc_quiet:chl_1', '{"id":"acc_quiet:chl_1","accountId":"acc_quiet","challengeId":"chl_1","savedAt":"x"}');
       INSERT INTO changes (tx, table_name, row_id, before, after)
         SELECT pg_current_xact_id()::text::bigint, 'saves', 'acc_quiet:chl_1', NULL, row FROM saves WHERE id = 'acc_quiet:chl_1';
       COMMIT;`,
    );
    await seen.until('acc_quiet:chl_1');
    expect(seen.transactions).toEqual([
      [{ table: 'saves', id: 'acc_quiet:chl_1', before: null, after: { id: 'acc_quiet:chl_1', accountId: 'acc_quiet', challengeId: 'chl_1', savedAt: 'x' } }],
    ]);
  });

  it('goes on delivering after its LISTEN connection is killed', async () => {
    const url = await cluster().createDatabase();
    const store = await open(url, { pollIntervalMs: 50 });
    const writer = await open(url);
    const seen = follow(store);
    await sql(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'tenderlab-feed' AND datname = current_database()");
    await writer.transact((tx) => tx.saves.insert(save('acc_1', 'chl_1')));
    await seen.until('acc_1:chl_1');
    await writer.transact((tx) => tx.saves.insert(save('acc_2', 'chl_1')));
    await seen.until('acc_2:chl_1');
    expect(seen.ids).toEqual(['acc_1:chl_1', 'acc_2:chl_1']);
  });

  it('delivers a transaction larger than one read as one call', async () => {
    const url = await cluster().createDatabase();
    const store = await open(url);
    const seen = follow(store);
    await store.transact(async (tx) => {
      for (let i = 0; i < 1_203; i++) await tx.saves.insert(save(`acc_${i}`, 'chl_1'));
    });
    await store.transact((tx) => tx.saves.remove('acc_0:chl_1'));
    expect(seen.transactions.map((t) => t.length)).toEqual([1_203, 1]);
    expect(seen.transactions[0]!.map((c) => c.id)).toEqual(Array.from({ length: 1_203 }, (_, i) => `acc_${i}:chl_1`));
  });

  it('prunes transactions past the retention, keeps the recent ones, and raises the horizon', async () => {
    const url = await cluster().createDatabase();
    const store = await open(url, { feedPruneIntervalMs: 50 });
    await store.transact((tx) => tx.saves.insert(save('acc_old', 'chl_1')));
    await store.transact((tx) => tx.saves.insert(save('acc_new', 'chl_1')));
    const [old] = await sql(url, "UPDATE changes SET committed_at = now() - interval '2 hours' WHERE row_id = 'acc_old:chl_1' RETURNING seq");
    let horizon = 0;
    while (horizon === 0) horizon = Number((await sql(url, 'SELECT pruned_through FROM changes_horizon'))[0]!.pruned_through);
    expect(horizon).toBe(Number(old!.seq));
    expect((await sql(url, 'SELECT row_id FROM changes ORDER BY seq')).map((r) => r.row_id)).toEqual(['acc_new:chl_1']);
    expect(store.health()).toEqual({ ok: true });
    // An instance opened on an emptied feed starts at the horizon and is not fooled by the gap.
    await sql(url, 'WITH gone AS (DELETE FROM changes RETURNING seq) UPDATE changes_horizon SET pruned_through = (SELECT max(seq) FROM gone)');
    const late = await open(url);
    const seen = follow(late);
    await store.transact((tx) => tx.saves.insert(save('acc_later', 'chl_1')));
    await seen.until('acc_later:chl_1');
    expect(late.health()).toEqual({ ok: true });
  });

  it('reports itself unhealthy, for good, when transactions it had not read were pruned', async () => {
    const url = await cluster().createDatabase();
    // No timer catches the quiet commit below before it is pruned; a NOTIFY wakes it afterwards.
    const cut = await open(url, { pollIntervalMs: 3_600_000 });
    const writer = await open(url);
    const seen = follow(cut);
    await sql(
      url,
      `BEGIN;
       SELECT pg_advisory_xact_lock(7390002);
       INSERT INTO changes (tx, table_name, row_id, before, after)
         VALUES (pg_current_xact_id()::text::bigint, 'saves', 'acc_missed:chl_1', NULL, '{"id":"acc_missed:chl_1","accountId":"acc_missed","challengeId":"chl_1","savedAt":"x"}');
       COMMIT;`,
    );
    await sql(url, 'WITH gone AS (DELETE FROM changes RETURNING seq) UPDATE changes_horizon SET pruned_through = (SELECT max(seq) FROM gone)');
    await writer.transact((tx) => tx.saves.insert(save('acc_next', 'chl_1')));
    await seen.until('acc_next:chl_1');
    expect(seen.ids).toEqual(['acc_next:chl_1']);
    expect(cut.health()).toEqual({ ok: false, reason: expect.stringMatching(/^the change feed lost transactions after seq \d+: they were pruned before this instance read them; restart it$/) });
    await writer.transact((tx) => tx.saves.insert(save('acc_after', 'chl_1')));
    await seen.until('acc_after:chl_1');
    expect(cut.health().ok).toBe(false);
  });

  it('gives two processes committing at once every commit exactly once, in the same order', async () => {
    const url = await cluster().createDatabase();
    const count = 40;
    const child = fork(fileURLToPath(new URL('./instance-process.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const reply = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
    try {
      const ready = reply<string>();
      child.send({ connectionString: url, prefix: 'child', count, last: 'end' });
      expect(await ready).toBe('ready');
      const store = await open(url);
      const seen = follow(store);

      const childSeen = reply<{ seen: string[] }>();
      child.send('go');
      await Promise.all(Array.from({ length: count }, (_, n) => store.transact((tx) => tx.saves.insert({ ...save(`parent-${n}`, 'chl_1'), id: `parent-${n}` }))));
      await Promise.all(Array.from({ length: count }, (_, n) => seen.until(`child-${n}`)));
      // A last commit after all others: once both have seen it, a duplicate delivered late would show.
      await store.transact((tx) => tx.saves.insert({ ...save('end', 'chl_1'), id: 'end' }));
      const { seen: inChild } = await childSeen;

      const expected = [...Array.from({ length: count }, (_, n) => `parent-${n}`), ...Array.from({ length: count }, (_, n) => `child-${n}`), 'end'];
      expect([...seen.ids].sort()).toEqual([...expected].sort());
      expect(inChild).toEqual(seen.ids);
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
