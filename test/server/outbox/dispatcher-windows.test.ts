import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../server/outbox/dispatcher.js';
import { openLowdbStore } from '../../../server/store/lowdb-store.js';
import type { NotificationRow } from '../../../server/store/rows.js';
import type { Store } from '../../../server/store/store.js';
import { FakeClock } from '../../support/fake-clock.js';
import { tempDir } from '../../support/temp-dir.js';
import { account, countingReads, drain, FakeChannel, notification, seed, telegramOf } from './fakes.js';

const T0 = new Date('2026-11-01T09:00:00.000Z').getTime();
const SECOND = 1000;

const opened: Store[] = [];
// Closed before the temp dir goes: a store left open may still be checkpointing its shards into it.
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

async function setup() {
  const inner = await openLowdbStore({ dataDir: await tempDir() });
  opened.push(inner);
  const { store, stretches } = countingReads(inner);
  const clock = new FakeClock(new Date(T0));
  const channel = new FakeChannel(clock);
  const dispatcher = createDispatcher({ store, clock, channels: [channel], options: { startupPauseMs: 0 }, log: () => undefined });
  return { store, stretches, clock, channel, dispatcher };
}

/** Oldest created first, ties by id: the outbox's list order. */
const byCreation = (rows: NotificationRow[]) => [...rows].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1)).map((r) => r.id);

describe('outbox dispatcher, reading the waiting list in windows', () => {
  it('a broadcast of 3000 reads at most two windows per batch, and sends each once, oldest created first', async () => {
    const { store, stretches, clock, channel, dispatcher } = await setup();
    const n = 3000;
    const accounts = Array.from({ length: n }, (_, i) => account(i));
    // Ten made per millisecond, and ids that do not follow creation: the order comes from createdAt, then id.
    const rows = accounts.map((a, i) => notification(`ntf_${String((i * 7919) % n).padStart(4, '0')}`, a.id, new Date(T0 - 60 * SECOND + Math.floor(i / 10))));
    await seed(store, accounts, rows);
    stretches.splice(0, stretches.length, 0);

    await drain(dispatcher, clock);
    expect(channel.records.map((r) => r.notificationId)).toEqual(byCreation(rows));
    for (const { id } of rows) expect(await telegramOf(store, id)).toMatchObject({ state: 'sent', attempts: 1 });
    // 100 batches of 30. Between two writes: a window of 60 that finds the global limit used up, and in the
    // next pass one of 60 to pick the batch from, where reading the whole list would be 2 × 3000.
    expect(stretches.length).toBeGreaterThanOrEqual(200);
    expect(Math.max(...stretches)).toBeLessThanOrEqual(120);
  });

  it('reads on past a chat the limiter refuses while the batch has room, and then wakes exactly when the next is due', async () => {
    const { store, stretches, clock, channel, dispatcher } = await setup();
    const busy = Array.from({ length: 70 }, (_, i) => notification(`ntf_busy_${String(i).padStart(2, '0')}`, 'acc_1', new Date(T0 - 10 * SECOND + i)));
    await seed(store, [account(1), account(2), account(3)], [
      ...busy,
      notification('ntf_other', 'acc_2', new Date(T0 - 5 * SECOND)),
      // A retry made after them all, due after the chat limit's second has not passed yet.
      notification('ntf_retry', 'acc_3', new Date(T0 - 4 * SECOND), { state: 'failed', attempts: 1, nextAttemptAt: new Date(T0 + 400).toISOString(), lastError: '502' }),
    ]);

    const report = await dispatcher.runOnce();
    expect(channel.records.map((r) => r.notificationId)).toEqual(['ntf_busy_00', 'ntf_other']);
    expect(report).toMatchObject({ sent: 2, nextDueAt: new Date(T0 + 400) });
    // Everything was read to find that, a window and the rest each time: 72 to pick the batch, then between
    // storing its outcomes and the (empty) next pick the 70 still waiting, to know when to wake.
    expect(stretches).toEqual([0, 72, 0, 70, 0]);

    await drain(dispatcher, clock);
    expect(channel.records.map((r) => [r.notificationId, r.at - T0])).toEqual([
      ['ntf_busy_00', 0],
      ['ntf_other', 0],
      ['ntf_retry', 400],
      ...busy.slice(1).map((r, i) => [r.id, (i + 1) * SECOND]),
    ]);
  });

  it('puts a due retry before a newer delivery: a batch goes by creation, not by due time', async () => {
    const { store, channel, dispatcher } = await setup();
    await seed(store, [account(1), account(2)], [
      notification('ntf_new', 'acc_2', new Date(T0 - 5 * SECOND)),
      notification('ntf_retry', 'acc_1', new Date(T0 - 10 * SECOND), { state: 'failed', attempts: 1, nextAttemptAt: new Date(T0 - SECOND).toISOString(), lastError: '502' }),
    ]);
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 2, nextDueAt: null });
    expect(channel.records.map((r) => r.notificationId)).toEqual(['ntf_retry', 'ntf_new']);
    expect(await telegramOf(store, 'ntf_retry')).toMatchObject({ state: 'sent', attempts: 2 });
  });
});
