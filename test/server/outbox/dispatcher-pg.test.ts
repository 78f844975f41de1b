import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openPgCoordination } from '../../../server/jobs/pg-coordination.js';
import { createDispatcher, type Dispatcher, type DispatcherOptions } from '../../../server/outbox/dispatcher.js';
import { openPgStore } from '../../../server/store/pg/pg-store.js';
import type { Store } from '../../../server/store/store.js';
import { FakeClock } from '../../support/fake-clock.js';
import { usePostgres } from '../../support/postgres.js';
import { tcpRelay } from '../../support/tcp-relay.js';
import { account, countingReads, drain, FakeChannel, notification, seed, telegramOf } from './fakes.js';

const cluster = usePostgres();
const T0 = new Date('2026-11-01T09:00:00.000Z').getTime();
const SECOND = 1000;
/** Every send fits one batch at the frozen fake clock: what is measured is who sends, not the pacing. */
const ROOMY: DispatcherOptions = { startupPauseMs: 0, globalLimit: { limit: 1000, windowMs: SECOND } };

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One instance: a store, a coordination and a dispatcher with its own Telegram stand-in, on the shared clock. */
async function instance(url: string, clock: FakeClock, options: DispatcherOptions = ROOMY, coordinationUrl = url) {
  const store = await openPgStore({ connectionString: url, pollIntervalMs: 50 });
  const coordination = await openPgCoordination({ connectionString: coordinationUrl, pollIntervalMs: 50, log: () => undefined });
  const channel = new FakeChannel(clock);
  const logs: string[] = [];
  const dispatcher = createDispatcher({ store, clock, coordination, channels: [channel], options, log: (line) => logs.push(line) });
  cleanups.push(async () => {
    channel.release();
    await dispatcher.stop();
    await coordination.close();
    await store.close();
  });
  return { store, coordination, channel, dispatcher, logs };
}

/** Resolves once `done()` holds, looking every 20 ms, one look at a time. */
async function until(done: () => Promise<boolean>): Promise<void> {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** True once every one of `ids` is sent: one query per look. */
const allSent = (store: Store, ids: string[]) => async () => {
  const sent = new Set((await store.tables.notifications.all()).filter((n) => n.deliveries.telegram?.state === 'sent').map((n) => n.id));
  return ids.every((id) => sent.has(id));
};

async function leaderOf(...dispatchers: Dispatcher[]): Promise<number> {
  for (;;) {
    const index = dispatchers.findIndex((d) => d.isLeader());
    if (index >= 0) return index;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('outbox dispatcher on PostgreSQL, several instances', () => {
  it('two started instances deliver each notification exactly once, all from the one leader', async () => {
    const url = await cluster().createDatabase();
    const clock = new FakeClock(new Date(T0));
    const a = await instance(url, clock);
    const b = await instance(url, clock);
    const accounts = Array.from({ length: 60 }, (_, i) => account(i));
    await seed(a.store, accounts, []);
    a.dispatcher.start();
    b.dispatcher.start();
    const leader = [a, b][await leaderOf(a.dispatcher, b.dispatcher)]!;
    const follower = leader === a ? b : a;

    // Published on the follower's store: the leader hears of it through the change feed.
    const rows = accounts.map((acc, i) => notification(`ntf_${i}`, acc.id, new Date(T0)));
    await seed(follower.store, [], rows.slice(0, 30));
    await seed(leader.store, [], rows.slice(30));
    const ids = rows.map((r) => r.id);
    await until(allSent(a.store, ids));

    expect(follower.channel.records).toEqual([]);
    expect(leader.channel.records.map((r) => r.notificationId).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await telegramOf(b.store, id)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(follower.dispatcher.isLeader()).toBe(false);
  });

  it('reads the waiting list a window at a time: a broadcast of 600 costs at most two windows per batch, each sent once in order', async () => {
    const url = await cluster().createDatabase();
    const clock = new FakeClock(new Date(T0));
    const pgStore = await openPgStore({ connectionString: url, pollIntervalMs: 50 });
    const coordination = await openPgCoordination({ connectionString: url, pollIntervalMs: 50, log: () => undefined });
    const { store, stretches } = countingReads(pgStore);
    const channel = new FakeChannel(clock);
    const dispatcher = createDispatcher({ store, clock, coordination, channels: [channel], options: { startupPauseMs: 0 }, log: () => undefined });
    cleanups.push(async () => {
      await dispatcher.stop();
      await coordination.close();
      await pgStore.close();
    });
    const accounts = Array.from({ length: 600 }, (_, i) => account(i));
    // Made newest first by id: the order comes from createdAt.
    const rows = accounts.map((acc, i) => notification(`ntf_${String(600 - i).padStart(3, '0')}`, acc.id, new Date(T0 - 60 * SECOND + i)));
    await seed(store, accounts, rows);
    stretches.splice(0, stretches.length, 0);

    await drain(dispatcher, clock);
    expect(channel.records.map((r) => r.notificationId)).toEqual(rows.map((r) => r.id));
    for (const row of rows) expect(await telegramOf(pgStore, row.id)).toMatchObject({ state: 'sent', attempts: 1 });
    // 20 batches of 30; between two writes at most a window of 60 finding the limit used up and one to pick from.
    expect(Math.max(...stretches)).toBeLessThanOrEqual(120);
  });

  it('concurrent passes of two instances claim disjoint batches: 100 notifications, each sent once', async () => {
    const url = await cluster().createDatabase();
    const clock = new FakeClock(new Date(T0));
    const options: DispatcherOptions = { startupPauseMs: 0 };
    const a = await instance(url, clock, options);
    const b = await instance(url, clock, options);
    const accounts = Array.from({ length: 100 }, (_, i) => account(i));
    const rows = accounts.map((acc, i) => notification(`ntf_${String(i).padStart(3, '0')}`, acc.id, new Date(T0)));
    await seed(a.store, accounts, rows);

    // Not started: neither leads, and both pass at once, each within its own 30/s.
    for (let round = 0; round < 10 && a.channel.records.length + b.channel.records.length < 100; round++) {
      await Promise.all([a.dispatcher.runOnce(), b.dispatcher.runOnce()]);
      clock.advance(SECOND);
    }
    const sent = [...a.channel.records, ...b.channel.records].map((r) => r.notificationId);
    expect(sent).toHaveLength(100);
    expect(new Set(sent)).toEqual(new Set(rows.map((r) => r.id)));
    expect(a.channel.records.length).toBeGreaterThan(0);
    expect(b.channel.records.length).toBeGreaterThan(0);
    for (const row of rows) expect(await telegramOf(a.store, row.id)).toMatchObject({ state: 'sent', attempts: 1 });
    const left = new pg.Pool({ connectionString: url, max: 1 });
    cleanups.push(() => left.end());
    expect((await left.query('SELECT count(*)::int AS n FROM outbox_claims')).rows[0].n).toBe(0);
  });

  it('when the leader dies (its database connections gone for good), the other instance takes over the sending', async () => {
    const url = await cluster().createDatabase();
    const clock = new FakeClock(new Date(T0));
    const relay = await tcpRelay(Number(new URL(url).port));
    const a = await instance(url, clock, ROOMY, relay.via(url));
    const b = await instance(url, clock);
    await seed(a.store, [account(1), account(2)], []);
    a.dispatcher.start();
    expect(await leaderOf(a.dispatcher)).toBe(0);
    b.dispatcher.start();

    // A's host dies: its lock session ends with its connection, and it never comes back.
    await relay.cut();
    expect(await leaderOf(b.dispatcher)).toBe(0);
    expect(a.dispatcher.isLeader()).toBe(false);
    expect(a.logs).toContain('[outbox] no longer the outbox leader: another instance sends');

    await seed(b.store, [], [notification('ntf_after', 'acc_1', new Date(T0))]);
    await until(allSent(b.store, ['ntf_after']));
    expect(b.channel.records.map((r) => r.notificationId)).toEqual(['ntf_after']);
    expect(a.channel.records).toEqual([]);
  });

  it('settles a dead instance’s claimed sends once their lease runs out: failed, never resent; a claim not yet marked is sent', async () => {
    const url = await cluster().createDatabase();
    const clock = new FakeClock(new Date(T0));
    const leaseMs = 2 * 60 * SECOND;
    const options: DispatcherOptions = { startupPauseMs: 0, leaseMs };
    const dead = await instance(url, clock, options);
    const survivor = await instance(url, clock, options);
    await seed(dead.store, [account(1), account(2), account(3)], [
      notification('ntf_in_flight_1', 'acc_1', new Date(T0)),
      notification('ntf_in_flight_2', 'acc_2', new Date(T0)),
    ]);
    // The dying instance marks two sends in flight, and Telegram never answers before it is gone.
    dead.channel.hold();
    void dead.dispatcher.runOnce().catch(() => undefined);
    await dead.channel.calls(2);
    // It had also claimed a third, and died before marking it.
    await seed(dead.store, [], [notification('ntf_claimed', 'acc_3', new Date(T0))]);
    expect(await dead.coordination.claims.claim('telegram', ['ntf_claimed'], T0, leaseMs)).toEqual(new Set(['ntf_claimed']));

    clock.set(new Date(T0 + leaseMs - 1));
    const early = await survivor.dispatcher.runOnce();
    expect(early).toMatchObject({ sent: 0, failed: 0, nextDueAt: new Date(T0 + leaseMs) });
    expect(await telegramOf(survivor.store, 'ntf_in_flight_1')).toMatchObject({ state: 'sending', attempts: 1 });
    expect(await telegramOf(survivor.store, 'ntf_claimed')).toMatchObject({ state: 'pending', attempts: 0 });

    clock.set(new Date(T0 + leaseMs));
    const late = await survivor.dispatcher.runOnce();
    expect(late).toMatchObject({ sent: 1, failed: 2, nextDueAt: null });
    expect(survivor.channel.records.map((r) => r.notificationId)).toEqual(['ntf_claimed']);
    for (const id of ['ntf_in_flight_1', 'ntf_in_flight_2']) {
      expect(await telegramOf(survivor.store, id)).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: null, lastError: expect.stringMatching(/^interrupted while sending/) });
    }
    expect(await telegramOf(survivor.store, 'ntf_claimed')).toMatchObject({ state: 'sent', attempts: 1 });
    expect(survivor.logs).toEqual(['[outbox] telegram: 2 deliveries were in flight when the last run stopped; marked failed, not resent']);
  });
});
