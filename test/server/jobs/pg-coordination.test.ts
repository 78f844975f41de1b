import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Coordination } from '../../../server/jobs/coordination.js';
import { openPgCoordination } from '../../../server/jobs/pg-coordination.js';
import { openPgStore } from '../../../server/store/pg/pg-store.js';
import type { Store } from '../../../server/store/store.js';
import { usePostgres } from '../../support/postgres.js';
import { tcpRelay } from '../../support/tcp-relay.js';
import { account, notification } from '../store/contract/rows.js';

const cluster = usePostgres();
const T0 = new Date('2026-11-01T09:00:00.000Z').getTime();
const MINUTE = 60_000;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A database with the store's migrations run, and `count` coordinations on it. */
async function database(count: number): Promise<{ url: string; store: Store; coordinations: Coordination[] }> {
  const url = await cluster().createDatabase();
  const store = await openPgStore({ connectionString: url });
  cleanups.push(() => store.close());
  const coordinations: Coordination[] = [];
  for (let i = 0; i < count; i++) {
    const coordination = await openPgCoordination({ connectionString: url, pollIntervalMs: 20, instanceId: `instance-${i}`, log: () => undefined });
    cleanups.push(() => coordination.close());
    coordinations.push(coordination);
  }
  return { url, store, coordinations };
}

/** Leadership events of one campaign, with a way to wait for the next one. */
function watch() {
  const events: boolean[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  return {
    events,
    onChange(leading: boolean) {
      events.push(leading);
      for (const w of waiters.filter((w) => events.length >= w.count)) w.resolve();
    },
    /** Resolves once `count` events in all have happened. */
    reached(count: number): Promise<void> {
      return events.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }));
    },
  };
}

describe('PostgreSQL coordination', () => {
  it('gives a name one leader among instances; when it resigns, another takes over', async () => {
    const { coordinations } = await database(3);
    const watches = coordinations.map(() => watch());
    const campaigns = coordinations.map((c, i) => c.leader('upkeep', (leading) => watches[i]!.onChange(leading)));
    await Promise.race(watches.map((w) => w.reached(1)));
    const first = campaigns.findIndex((c) => c.isLeader());
    expect(campaigns.filter((c) => c.isLeader())).toHaveLength(1);

    await campaigns[first]!.resign();
    const others = watches.filter((_, i) => i !== first);
    await Promise.race(others.map((w) => w.reached(1)));
    expect(campaigns.filter((c) => c.isLeader())).toHaveLength(1);
    expect(campaigns[first]!.isLeader()).toBe(false);
    // Another name is led independently.
    const other = watch();
    coordinations[first]!.leader('outbox', (leading) => other.onChange(leading));
    await other.reached(1);
    expect(other.events).toEqual([true]);
  });

  it('when a leader dies (its connections gone for good), another instance takes over', async () => {
    const { url, coordinations } = await database(1);
    const relay = await tcpRelay(Number(new URL(url).port));
    const dying = await openPgCoordination({ connectionString: relay.via(url), pollIntervalMs: 20, log: () => undefined });
    cleanups.push(() => dying.close());
    const [a, b] = [watch(), watch()];
    const leaderA = dying.leader('outbox', (leading) => a.onChange(leading));
    await a.reached(1);
    const leaderB = coordinations[0]!.leader('outbox', (leading) => b.onChange(leading));
    expect(leaderA.isLeader()).toBe(true);
    expect(leaderB.isLeader()).toBe(false);

    await relay.cut();
    await Promise.all([a.reached(2), b.reached(1)]);
    expect(a.events).toEqual([true, false]);
    expect(b.events).toEqual([true]);
    expect(leaderB.isLeader()).toBe(true);
  });

  it('a leader whose session is ended is told so, and leads again only once the name is free', async () => {
    const { url, coordinations } = await database(2);
    const [a, b] = [watch(), watch()];
    const leaderA = coordinations[0]!.leader('outbox', (leading) => a.onChange(leading));
    await a.reached(1);
    const leaderB = coordinations[1]!.leader('outbox', (leading) => b.onChange(leading));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    cleanups.push(() => admin.end());
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid = 7390 AND objsubid = 2 AND granted");
    await a.reached(2);
    expect(a.events.slice(0, 2)).toEqual([true, false]);
    // Both campaign on, and whichever polls first leads: never both.
    await Promise.race([a.reached(3), b.reached(1)]);
    expect([leaderA.isLeader(), leaderB.isLeader()].filter(Boolean)).toHaveLength(1);
  });

  it('claims: concurrent claims of the same deliveries by two instances never overlap, and a lapsed lease can be taken', async () => {
    const { store, coordinations } = await database(2);
    const ids = Array.from({ length: 200 }, (_, i) => `ntf_${i}`);
    await store.transact(async (tx) => {
      await tx.accounts.insert(account('acc_1'));
      for (const id of ids) await tx.notifications.insert(notification(id, 'acc_1'));
    });
    const [a, b] = coordinations.map((c) => c.claims);
    // Each instance claims every id in ten overlapping slices at once.
    const slices = (offset: number) => Array.from({ length: 10 }, (_, i) => ids.slice((i * 20 + offset) % 200).concat(ids.slice(0, (i * 20 + offset) % 200)).slice(0, 60));
    const won = await Promise.all([...slices(0).map((s) => a!.claim('telegram', s, T0, MINUTE)), ...slices(100).map((s) => b!.claim('telegram', s, T0, MINUTE))]);
    const byA = new Set(won.slice(0, 10).flatMap((s) => [...s]));
    const byB = new Set(won.slice(10).flatMap((s) => [...s]));
    expect([...byA].filter((id) => byB.has(id))).toEqual([]);
    expect(byA.size + byB.size).toBe(200);

    const leases = await a!.leases('telegram', T0);
    expect(leases.size).toBe(200);
    const someOfB = [...byB][0]!;
    expect(leases.get(someOfB)).toEqual({ claimedBy: 'instance-1', leaseUntil: T0 + MINUTE });
    // Live: A cannot take B's; lapsed: it can. Release ends only one's own.
    expect(await a!.claim('telegram', [someOfB], T0 + MINUTE - 1, MINUTE)).toEqual(new Set());
    await a!.release('telegram', [someOfB]);
    expect((await a!.leases('telegram', T0 + MINUTE - 1)).get(someOfB)?.claimedBy).toBe('instance-1');
    expect(await a!.claim('telegram', [someOfB], T0 + MINUTE, MINUTE)).toEqual(new Set([someOfB]));
    await b!.release('telegram', [...byB]);
    expect([...(await a!.leases('telegram', T0 + MINUTE)).values()].map((l) => l.claimedBy)).toEqual(['instance-0']);
    // Deleting a notification deletes its claim.
    await store.transact((tx) => tx.notifications.remove(someOfB));
    expect((await a!.leases('telegram', T0)).size).toBe(byA.size);
  });

  it('hit logs: concurrent hits of one key from two instances admit exactly the limit, and the window slides', async () => {
    const { coordinations } = await database(2);
    const [a, b] = coordinations.map((c) => c.hitLog('auth'));
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a! : b!).hit('10.0.0.1', T0 + i, 10, MINUTE)));
    expect(results.filter((r) => r.admitted)).toHaveLength(10);
    const refused = results.find((r) => !r.admitted);
    expect(refused).toBeDefined();
    // Another scope, and another key, count apart.
    expect(await coordinations[0]!.hitLog('other').hit('10.0.0.1', T0 + 50, 10, MINUTE)).toEqual({ admitted: true });
    expect(await a!.hit('10.0.0.2', T0 + 50, 10, MINUTE)).toEqual({ admitted: true });

    const admittedAt = results.flatMap((r, i) => (r.admitted ? [T0 + i] : [])).sort((x, y) => x - y);
    expect(await b!.hit('10.0.0.1', T0 + 100, 10, MINUTE)).toEqual({ admitted: false, retryAt: admittedAt[0]! + MINUTE });
    expect(await a!.hit('10.0.0.1', admittedAt[0]! + MINUTE, 10, MINUTE)).toEqual({ admitted: true });
    expect(await b!.hit('10.0.0.1', admittedAt[0]! + MINUTE, 10, MINUTE)).toEqual({ admitted: false, retryAt: admittedAt[1]! + MINUTE });
  });

  it('refuses to open on a database the store has not migrated', async () => {
    const url = await cluster().createDatabase();
    await expect(openPgCoordination({ connectionString: url })).rejects.toThrow(/needs migration 004 \(open the store first\)/);
  });
});
