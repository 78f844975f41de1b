import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../server/outbox/channel.js';
import { createDispatcher, type DispatcherOptions } from '../../../server/outbox/dispatcher.js';
import { openLowdbStore } from '../../../server/store/lowdb-store.js';
import type { Store } from '../../../server/store/store.js';
import { DAY, FakeClock, HOUR } from '../../support/fake-clock.js';
import { tempDir } from '../../support/temp-dir.js';
import { account, drain, FakeChannel, FakeScheduler, notification, seed, telegramOf, withinLimit } from './fakes.js';

const T0 = new Date('2026-11-01T09:00:00.000Z').getTime();
const SECOND = 1000;

async function setup(options: DispatcherOptions = { startupPauseMs: 0 }) {
  const dir = await tempDir();
  const store = await openLowdbStore({ dataDir: dir });
  const clock = new FakeClock(new Date(T0));
  const channel = new FakeChannel(clock);
  const logs: string[] = [];
  const dispatcher = createDispatcher({ store, clock, channels: [channel], options, log: (line) => logs.push(line) });
  return { dir, store, clock, channel, logs, dispatcher };
}

/** 100 accounts, two notifications each: the first round made a second before the second. */
async function seedBroadcast(store: Store) {
  const accounts = Array.from({ length: 100 }, (_, i) => account(i));
  const rounds = [0, 1].flatMap((round) =>
    accounts.map((a, i) => notification(`ntf_${round}_${String(i).padStart(3, '0')}`, a.id, new Date(T0 - 2 * SECOND + round * SECOND))),
  );
  await seed(store, accounts, rounds);
  return rounds.map((n) => n.id);
}

function assertTelegramLimits(channel: FakeChannel) {
  expect(withinLimit(channel.records.map((r) => r.at), 30, SECOND)).toBe(true);
  const chats = new Set(channel.records.map((r) => r.chatId));
  for (const chat of chats) expect(withinLimit(channel.sendsTo(chat).map((r) => r.at), 1, SECOND)).toBe(true);
}

describe('outbox dispatcher', () => {
  it('retries a failing delivery with exponential backoff at exact times, then gives up', async () => {
    const { store, clock, channel, dispatcher } = await setup();
    await seed(store, [account(1)], [notification('ntf_1', 'acc_1', new Date(T0))]);
    channel.fail = () => new DeliveryError('retryable', '502 Bad Gateway');

    const first = await dispatcher.runOnce();
    expect(first).toMatchObject({ retrying: 1, nextDueAt: new Date(T0 + 5 * SECOND) });
    expect(await telegramOf(store, 'ntf_1')).toMatchObject({
      state: 'failed',
      attempts: 1,
      nextAttemptAt: new Date(T0 + 5 * SECOND).toISOString(),
      lastError: '502 Bad Gateway',
    });
    clock.set(new Date(T0 + 5 * SECOND - 1));
    expect((await dispatcher.runOnce()).retrying).toBe(0);
    expect(channel.records).toHaveLength(1);

    await drain(dispatcher, clock);
    expect(channel.records.map((r) => (r.at - T0) / SECOND)).toEqual([0, 5, 15, 35, 75, 155, 315, 635]);
    expect(await telegramOf(store, 'ntf_1')).toMatchObject({
      state: 'failed',
      attempts: 8,
      nextAttemptAt: null,
      lastError: '502 Bad Gateway (gave up after 8 attempts)',
    });
    clock.set(new Date(T0 + 30 * DAY));
    expect((await dispatcher.runOnce()).nextDueAt).toBeNull();
    expect(channel.records).toHaveLength(8);
  });

  it('caps the backoff and recovers when a retry succeeds', async () => {
    const { store, clock, channel, dispatcher } = await setup({ startupPauseMs: 0, backoffBaseMs: 10 * SECOND, backoffMaxMs: 25 * SECOND });
    await seed(store, [account(1)], [notification('ntf_1', 'acc_1', new Date(T0))]);
    channel.fail = () => (channel.records.length < 5 ? new DeliveryError('retryable', '500 Internal Server Error') : undefined);
    await drain(dispatcher, clock);
    expect(channel.records.map((r) => (r.at - T0) / SECOND)).toEqual([0, 10, 30, 55, 80]);
    expect(await telegramOf(store, 'ntf_1')).toMatchObject({
      state: 'sent',
      attempts: 5,
      nextAttemptAt: null,
      lastError: null,
      sentAt: new Date(T0 + 80 * SECOND).toISOString(),
    });
  });

  it('honours retryAfterMs: nothing at all is sent on the channel before it, then sending resumes', async () => {
    const { store, clock, channel, dispatcher, logs } = await setup();
    await seed(store, [account(1), account(2), account(3), account(4)], [
      notification('ntf_a', 'acc_1', new Date(T0)),
      notification('ntf_b', 'acc_2', new Date(T0)),
      notification('ntf_c', 'acc_3', new Date(T0)),
    ]);
    channel.fail = (n) =>
      n.id === 'ntf_a' && channel.sendsTo(1001).length === 1 ? new DeliveryError('retryable', '429 Too Many Requests: retry after 7', { retryAfterMs: 7 * SECOND }) : undefined;

    const first = await dispatcher.runOnce();
    expect(first).toMatchObject({ sent: 2, retrying: 1, nextDueAt: new Date(T0 + 7 * SECOND) });
    expect(await telegramOf(store, 'ntf_a')).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: new Date(T0 + 7 * SECOND).toISOString() });
    expect(logs).toEqual([expect.stringMatching(/ntf_a to acc_1, attempt 1\/8: retry at .*paused.*429 Too Many Requests/)]);

    clock.set(new Date(T0 + SECOND));
    await seed(store, [], [notification('ntf_d', 'acc_4', clock.now())]);
    expect((await dispatcher.runOnce()).nextDueAt).toEqual(new Date(T0 + 7 * SECOND));
    clock.set(new Date(T0 + 7 * SECOND - 1));
    await dispatcher.runOnce();
    expect(channel.records).toHaveLength(3);

    clock.set(new Date(T0 + 7 * SECOND));
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 2, nextDueAt: null });
    expect(channel.records.filter((r) => r.at > T0 && r.at < T0 + 7 * SECOND)).toEqual([]);
    expect(channel.records.slice(3).map((r) => r.notificationId).sort()).toEqual(['ntf_a', 'ntf_d']);
    expect(await telegramOf(store, 'ntf_a')).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('broadcasts 200 notifications to 100 chats under 30/s and 1/s per chat, oldest first, in few store writes', async () => {
    const { store, clock, channel } = await setup();
    const ids = await seedBroadcast(store);
    let commits = 0;
    store.onCommit(() => commits++);
    const dispatcher = createDispatcher({ store, clock, channels: [channel], log: () => undefined });

    await drain(dispatcher, clock);
    expect(channel.records).toHaveLength(200);
    expect(new Set(channel.records.map((r) => r.notificationId)).size).toBe(200);
    assertTelegramLimits(channel);
    // The default start-up pause, then seven full windows of 30: as fast as the limits allow.
    expect(channel.records[0]!.at).toBe(T0 + SECOND);
    expect(channel.records.at(-1)!.at).toBe(T0 + 7 * SECOND);
    expect(channel.records.slice(0, 100).every((r) => r.notificationId.startsWith('ntf_0_'))).toBe(true);
    for (const id of ids) expect(await telegramOf(store, id)).toMatchObject({ state: 'sent', attempts: 1 });
    // One write marks a batch in flight, one stores its outcomes: 7 batches, 14 commits.
    expect(commits).toBe(14);
  });

  it('on a 403 marks the account blocked, skips its other deliveries and never retries', async () => {
    const { store, clock, channel, dispatcher, logs } = await setup();
    await seed(store, [account(1), account(2)], [
      notification('ntf_x1', 'acc_1', new Date(T0 - 3 * SECOND)),
      notification('ntf_x2', 'acc_1', new Date(T0 - 2 * SECOND)),
      notification('ntf_x3', 'acc_1', new Date(T0 - SECOND), { state: 'failed', attempts: 1, nextAttemptAt: new Date(T0 + HOUR).toISOString(), lastError: '502' }),
      notification('ntf_y', 'acc_2', new Date(T0)),
    ]);
    channel.fail = (_, a) => (a.id === 'acc_1' ? new DeliveryError('blocked', '403 Forbidden: bot was blocked by the user') : undefined);

    expect(await dispatcher.runOnce()).toMatchObject({ sent: 1, skipped: 1, nextDueAt: null });
    expect((await store.tables.accounts.get('acc_1'))!.telegram).toMatchObject({ chatId: 1001, blocked: true });
    expect(await telegramOf(store, 'ntf_x1')).toMatchObject({ state: 'skipped', attempts: 1, lastError: 'blocked', nextAttemptAt: null });
    expect(await telegramOf(store, 'ntf_x2')).toMatchObject({ state: 'skipped', attempts: 0, lastError: 'blocked' });
    expect(await telegramOf(store, 'ntf_x3')).toMatchObject({ state: 'skipped', attempts: 1, lastError: 'blocked' });
    expect(await telegramOf(store, 'ntf_y')).toMatchObject({ state: 'sent' });
    expect(logs).toEqual([expect.stringMatching(/ntf_x1 to acc_1.*blocked/)]);

    // A notification made pending anyway (it raced the block) is skipped without an attempt.
    clock.set(new Date(T0 + DAY));
    await seed(store, [], [notification('ntf_x4', 'acc_1', clock.now())]);
    await drain(dispatcher, clock);
    expect(await telegramOf(store, 'ntf_x4')).toMatchObject({ state: 'skipped', attempts: 0, lastError: 'blocked' });
    expect(channel.sendsTo(1001)).toHaveLength(1);
  });

  it('with a chat limit above one, sends a chat its messages in order and holds the rest of a batch when paused', async () => {
    const { store, clock, channel, dispatcher } = await setup({ startupPauseMs: 0, chatLimit: { limit: 3, windowMs: SECOND } });
    await seed(store, [account(1)], [
      notification('ntf_1', 'acc_1', new Date(T0 - 2)),
      notification('ntf_2', 'acc_1', new Date(T0 - 1)),
      notification('ntf_3', 'acc_1', new Date(T0)),
    ]);
    channel.fail = (n) => (n.id === 'ntf_2' && channel.records.length === 2 ? new DeliveryError('retryable', '429 Too Many Requests', { retryAfterMs: 3 * SECOND }) : undefined);
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 1, retrying: 1, nextDueAt: new Date(T0 + 3 * SECOND) });
    // ntf_3 was in the batch but never handed over: the pause began before its turn, so it simply waits.
    expect(await telegramOf(store, 'ntf_3')).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: new Date(T0 + 3 * SECOND).toISOString() });
    await drain(dispatcher, clock);
    expect(channel.records.map((r) => [r.notificationId, r.at - T0])).toEqual([['ntf_1', 0], ['ntf_2', 0], ['ntf_2', 3 * SECOND], ['ntf_3', 3 * SECOND]]);
    expect(await telegramOf(store, 'ntf_3')).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('with a chat limit above one, skips the rest of a batch to a chat that just blocked the bot', async () => {
    const { store, channel, dispatcher } = await setup({ startupPauseMs: 0, chatLimit: { limit: 2, windowMs: SECOND } });
    await seed(store, [account(1)], [notification('ntf_1', 'acc_1', new Date(T0 - 1)), notification('ntf_2', 'acc_1', new Date(T0))]);
    channel.fail = () => new DeliveryError('blocked', '403 Forbidden: bot was blocked by the user');
    expect(await dispatcher.runOnce()).toMatchObject({ skipped: 2, nextDueAt: null });
    expect(channel.records.map((r) => r.notificationId)).toEqual(['ntf_1']);
    expect(await telegramOf(store, 'ntf_2')).toMatchObject({ state: 'skipped', attempts: 0, lastError: 'blocked' });
    expect((await store.tables.accounts.get('acc_1'))!.telegram!.blocked).toBe(true);
  });

  it('skips deliveries whose account has no Telegram chat left, even behind a full batch', async () => {
    const { store, clock, channel, dispatcher } = await setup();
    const reachable = Array.from({ length: 31 }, (_, i) => account(i + 2));
    await seed(store, [account(1, 'none'), ...reachable], [
      ...reachable.map((a, i) => notification(`ntf_${i + 2}`, a.id, new Date(T0 - 100 + i))),
      notification('ntf_1', 'acc_1', new Date(T0)),
    ]);
    const reports = await drain(dispatcher, clock);
    expect(await telegramOf(store, 'ntf_1')).toMatchObject({ state: 'skipped', attempts: 0, lastError: 'no telegram chat' });
    expect(channel.records).toHaveLength(31);
    expect(channel.records.some((r) => r.chatId === 1001)).toBe(false);
    // A full batch closes the window; the next pass, when it opens, skips the unreachable one on its way.
    expect(reports.map((r) => [r.sent, r.skipped, r.nextDueAt && r.nextDueAt.getTime() - T0])).toEqual([[30, 0, SECOND], [1, 1, null]]);
  });

  it('does not retry a permanent failure, and other messages to the account go on', async () => {
    const { store, clock, channel, dispatcher } = await setup();
    await seed(store, [account(1)], [notification('ntf_1', 'acc_1', new Date(T0 - SECOND)), notification('ntf_2', 'acc_1', new Date(T0))]);
    channel.fail = (n) => (n.id === 'ntf_1' ? new DeliveryError('permanent', "400 Bad Request: can't parse entities") : undefined);
    await drain(dispatcher, clock);
    clock.set(new Date(T0 + 10 * DAY));
    await drain(dispatcher, clock);
    expect(channel.records.map((r) => [r.notificationId, r.at - T0])).toEqual([['ntf_1', 0], ['ntf_2', SECOND]]);
    expect(await telegramOf(store, 'ntf_1')).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: null, lastError: "400 Bad Request: can't parse entities" });
    expect(await telegramOf(store, 'ntf_2')).toMatchObject({ state: 'sent' });
  });

  it('refuses options that would make it spin or never retry', () => {
    const make = (options: DispatcherOptions) => () => createDispatcher({ store: {} as Store, clock: new FakeClock(), channels: [], options });
    expect(make({ pollIntervalMs: 0 })).toThrow(/pollIntervalMs must be a positive number/);
    expect(make({ maxAttempts: Number.NaN })).toThrow(/maxAttempts/);
    expect(make({ pollIntervalMs: undefined })).not.toThrow();
    // A claim that lapses before its send may give up would let a lapsed-claim settlement race a live send.
    expect(make({ leaseMs: 60_000, sendTimeoutMs: 60_000 })).toThrow('Outbox option leaseMs (60000) must exceed sendTimeoutMs (60000)');
  });

  it('never retries an error of unknown outcome, and keeps tokens out of logs and lastError', async () => {
    const { store, clock, channel, dispatcher, logs } = await setup();
    await seed(store, [account(1)], [notification('ntf_1', 'acc_1', new Date(T0))]);
    const token = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawX';
    channel.fail = () => new Error(`request to https://api.telegram.org/bot${token}/sendMessage timed out`);
    await drain(dispatcher, clock);
    clock.set(new Date(T0 + DAY));
    await drain(dispatcher, clock);
    expect(channel.records).toHaveLength(1);
    const d = await telegramOf(store, 'ntf_1');
    expect(d).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: null });
    expect(d.lastError).toMatch(/^outcome unknown, not retried: request to .*\[redacted\].* timed out$/);
    expect(logs).toHaveLength(1);
    for (const text of [...logs, d.lastError!]) expect(text).not.toContain('AAHdqTcv');
  });

  it('gives up on a send that never settles, as an unknown outcome, so a hung channel stalls nothing', async () => {
    const { store, clock, channel } = await setup();
    await seed(store, [account(1), account(2)], [notification('ntf_1', 'acc_1', new Date(T0)), notification('ntf_2', 'acc_2', new Date(T0 + SECOND))]);
    const scheduler = new FakeScheduler();
    const logs: string[] = [];
    const options = { startupPauseMs: 0, sendTimeoutMs: 30 * SECOND };
    const dispatcher = createDispatcher({ store, clock, channels: [channel], options, scheduler: scheduler.schedule, log: (line) => logs.push(line) });
    channel.hold();
    const pass = dispatcher.runOnce();
    await channel.calls(1);
    const timeout = await scheduler.armed(30 * SECOND);
    clock.advance(30 * SECOND);
    scheduler.fire(timeout);
    channel.release(); // the hung send settles late: too late to count
    expect(await pass).toMatchObject({ failed: 1, sent: 1 });
    expect(await telegramOf(store, 'ntf_1')).toMatchObject({ state: 'failed', nextAttemptAt: null, lastError: 'outcome unknown, not retried: no answer within 30000 ms' });
    expect(await telegramOf(store, 'ntf_2')).toMatchObject({ state: 'sent' });
    expect(scheduler.live()).toEqual([]); // a settled send cancels its timeout
    expect(logs).toEqual([expect.stringMatching(/ntf_1 to acc_1, attempt 1\/8: outcome unknown, not retried: no answer within 30000 ms$/)]);
  });

  it('survives a graceful restart in the middle of a broadcast: nothing lost, nothing repeated, limits kept', async () => {
    const { dir, store, clock, channel } = await setup();
    const ids = await seedBroadcast(store);
    const first = createDispatcher({ store, clock, channels: [channel], log: () => undefined });
    clock.set((await first.runOnce()).nextDueAt!);
    expect((await first.runOnce()).sent).toBe(30);
    clock.advance(SECOND);

    channel.hold();
    const pass = first.runOnce();
    await channel.calls(60);
    let stopped = false;
    const stopping = first.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false); // it waits for the sends in flight
    channel.release();
    await stopping;
    expect((await pass).sent).toBe(30);
    await expect(first.runOnce()).rejects.toThrow(/stopped/);
    const states = await Promise.all(ids.map(async (id) => (await telegramOf(store, id)).state));
    expect(states.filter((s) => s === 'sent')).toHaveLength(60);
    expect(states.filter((s) => s === 'pending')).toHaveLength(140);
    await store.close();

    const reopened = await openLowdbStore({ dataDir: dir });
    const second = createDispatcher({ store: reopened, clock, channels: [channel], log: () => undefined });
    await drain(second, clock);
    expect(channel.records).toHaveLength(200);
    expect(new Set(channel.records.map((r) => r.notificationId))).toEqual(new Set(ids));
    for (const id of ids) expect(await telegramOf(reopened, id)).toMatchObject({ state: 'sent', attempts: 1 });
    assertTelegramLimits(channel);
    await second.stop();
    await reopened.close();
  });

  it('does not resend deliveries a crash left in flight', async () => {
    const { dir, store, clock, channel } = await setup();
    const ids = await seedBroadcast(store);
    const crashed = createDispatcher({ store, clock, channels: [channel], options: { startupPauseMs: 0 }, log: () => undefined });
    channel.hold(); // the process dies while these sends are out
    void crashed.runOnce();
    await channel.calls(30);
    await store.close();
    const inFlight = channel.records.map((r) => r.notificationId);

    const reopened = await openLowdbStore({ dataDir: dir });
    for (const id of inFlight) expect(await telegramOf(reopened, id)).toMatchObject({ state: 'sending', attempts: 1 });
    const after = new FakeChannel(clock);
    const logs: string[] = [];
    const restarted = createDispatcher({ store: reopened, clock, channels: [after], log: (line) => logs.push(line) });
    const reports = await drain(restarted, clock);
    expect(reports[0]!.failed).toBe(30);
    expect(logs).toEqual(['[outbox] telegram: 30 deliveries were in flight when the last run stopped; marked failed, not resent']);
    expect(after.records).toHaveLength(170);
    expect(after.records.some((r) => inFlight.includes(r.notificationId))).toBe(false);
    for (const id of inFlight) {
      expect(await telegramOf(reopened, id)).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: null, lastError: expect.stringMatching(/interrupted/) });
    }
    for (const id of ids.filter((id) => !inFlight.includes(id))) expect(await telegramOf(reopened, id)).toMatchObject({ state: 'sent' });
    await restarted.stop();
    await reopened.close();
  });

  it('prunes only old finished notifications, at most once per prune interval', async () => {
    // Expiry is set beyond retention here, to show that pruning alone never removes a waiting delivery.
    const { store, clock, dispatcher } = await setup({ startupPauseMs: 0, retentionMs: 90 * DAY, pruneIntervalMs: 6 * HOUR, expireAfterMs: 365 * DAY });
    const old = new Date(T0 - 91 * DAY);
    const recent = new Date(T0 - 89 * DAY);
    const done = { attempts: 1, nextAttemptAt: null, sentAt: old.toISOString() };
    await seed(store, [account(1)], [
      { ...notification('ntf_old_sent_read', 'acc_1', old, { ...done, state: 'sent' }), read: true },
      notification('ntf_old_sent_unread', 'acc_1', old, { ...done, state: 'sent' }),
      notification('ntf_old_skipped', 'acc_1', old, { state: 'skipped', attempts: 0, nextAttemptAt: null, lastError: 'no telegram chat' }),
      notification('ntf_old_failed', 'acc_1', old, { ...done, state: 'failed', lastError: '400', sentAt: null }),
      notification('ntf_old_retrying', 'acc_1', old, { state: 'failed', attempts: 1, nextAttemptAt: new Date(T0 + DAY).toISOString(), lastError: '502' }),
      notification('ntf_recent_sent', 'acc_1', recent, { ...done, state: 'sent' }),
    ]);
    const report = await dispatcher.runOnce();
    expect(report.pruned).toBe(4);
    const left = (await store.tables.notifications.all()).map((n) => n.id).sort();
    expect(left).toEqual(['ntf_old_retrying', 'ntf_recent_sent']);
    expect(await telegramOf(store, 'ntf_old_retrying')).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: new Date(T0 + DAY).toISOString() });

    await seed(store, [], [notification('ntf_old_2', 'acc_1', old, { ...done, state: 'sent' })]);
    clock.set(new Date(T0 + 6 * HOUR - 1));
    expect((await dispatcher.runOnce()).pruned).toBe(0);
    clock.set(new Date(T0 + 6 * HOUR));
    expect((await dispatcher.runOnce()).pruned).toBe(1);
    expect((await store.tables.notifications.all()).map((n) => n.id).sort()).toEqual(['ntf_old_retrying', 'ntf_recent_sent']);
  });

  it('expires deliveries too stale to send instead of sending them', async () => {
    const { store, channel, dispatcher, logs } = await setup();
    await seed(store, [account(1), account(2), account(3)], [
      notification('ntf_stale', 'acc_1', new Date(T0 - 3 * DAY - 1)),
      notification('ntf_fresh', 'acc_2', new Date(T0 - 2 * DAY)),
      // Past retention too: once expired it is finished, so the same pass prunes it.
      notification('ntf_ancient', 'acc_3', new Date(T0 - 100 * DAY)),
    ]);
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 1, failed: 2, pruned: 1 });
    expect(await store.tables.notifications.get('ntf_ancient')).toBeUndefined();
    expect(channel.records.map((r) => r.notificationId)).toEqual(['ntf_fresh']);
    expect(await telegramOf(store, 'ntf_stale')).toMatchObject({ state: 'failed', attempts: 0, nextAttemptAt: null, lastError: 'expired: not delivered within 3 days' });
    expect(logs).toEqual(['[outbox] 2 deliveries expired: not delivered within 3 days']);
  });

  it('wakes on a committed notification instead of waiting for its poll timer', async () => {
    const { dir, store, clock, channel } = await setup();
    await seed(store, [account(1)], []);
    const scheduler = new FakeScheduler();
    const options = { startupPauseMs: 0, pollIntervalMs: 60 * SECOND };
    const dispatcher = createDispatcher({ store, clock, channels: [channel], scheduler: scheduler.schedule, options });
    dispatcher.start();
    dispatcher.start();
    await scheduler.armed(60 * SECOND); // nothing waits: only the poll is armed
    expect(scheduler.live().map((t) => t.delayMs)).toEqual([60 * SECOND]);

    await seed(store, [], [notification('ntf_1', 'acc_1', clock.now())]);
    await channel.calls(1);
    expect(channel.records).toEqual([{ at: T0, chatId: 1001, notificationId: 'ntf_1' }]);
    expect(scheduler.fired).toBe(0); // no timer ran: the commit woke it
    await dispatcher.stop();
    expect(scheduler.live()).toEqual([]);
    expect(() => dispatcher.start()).toThrow(/cannot start again/);
    // Written by the dispatcher's own transactions, not lost inside the committing one that woke it.
    await store.close();
    const reopened = await openLowdbStore({ dataDir: dir });
    expect(await telegramOf(reopened, 'ntf_1')).toMatchObject({ state: 'sent', attempts: 1 });
    await reopened.close();
  });

  it('sleeps exactly until the next retry is due, with one timer at a time', async () => {
    const { store, clock, channel } = await setup();
    await seed(store, [account(1)], []);
    const scheduler = new FakeScheduler();
    const dispatcher = createDispatcher({ store, clock, channels: [channel], scheduler: scheduler.schedule, options: { startupPauseMs: 0 } });
    channel.fail = () => (channel.records.length === 1 ? new DeliveryError('retryable', '502 Bad Gateway') : undefined);
    dispatcher.start();
    await scheduler.armed(60 * SECOND);
    await seed(store, [], [notification('ntf_1', 'acc_1', clock.now())]);
    await channel.calls(1);
    const retry = await scheduler.armed(5 * SECOND);
    expect(scheduler.live()).toEqual([retry]);
    clock.advance(5 * SECOND);
    scheduler.fire(retry);
    await channel.calls(2);
    await dispatcher.stop();
    expect(channel.records.map((r) => r.at - T0)).toEqual([0, 5 * SECOND]);
    expect(await telegramOf(store, 'ntf_1')).toMatchObject({ state: 'sent', attempts: 2 });
  });
});
