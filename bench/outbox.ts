import { deepStrictEqual } from 'node:assert/strict';
import { openPgCoordination } from '../server/jobs/pg-coordination.js';
import type { DeliveryChannel } from '../server/outbox/channel.js';
import { createDispatcher } from '../server/outbox/dispatcher.js';
import { openPgStore } from '../server/store/pg/pg-store.js';
import type { Store } from '../server/store/store.js';
import { account, notification } from '../test/server/outbox/fakes.js';
import { FakeClock } from '../test/support/fake-clock.js';
import { startPostgres } from '../test/support/postgres.js';
import { compare, formatCount, formatMs, percentile } from './measure.js';
import type { BenchRow, BenchSection } from './table.js';

/** One publish matching this many subscribers: their deliveries wait together. */
const WAITING = 20_000;
/** Passes timed; each sends one batch (Telegram's 30 a second), the clock moved on to the next window. */
const PASSES = 40;
/** Whole-list reads timed for the reference. */
const WHOLE_READS = 5;
const INSERTS_PER_TRANSACTION = 1000;
const T0 = new Date('2026-11-01T09:00:00.000Z');

async function seedBroadcast(store: Store): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < WAITING; start += INSERTS_PER_TRANSACTION) {
    await store.transact(async (tx) => {
      for (let i = start; i < Math.min(WAITING, start + INSERTS_PER_TRANSACTION); i++) {
        const id = `ntf_${String(i).padStart(6, '0')}`;
        await tx.accounts.insert(account(i));
        await tx.notifications.insert(notification(id, `acc_${i}`, T0));
        ids.push(id);
      }
    });
  }
  return ids;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * The notification outbox during a broadcast on PostgreSQL (a throwaway cluster, durable settings as Debian
 * ships them): 20,000 deliveries waiting, the dispatcher (with the PostgreSQL coordination the server uses)
 * sending batch after batch to a channel that answers at once. Measured: one pass, which sends one batch of
 * 30 (read the waiting list's first window, claim, mark in flight, send, store the outcomes), and the read
 * of the first window alone; the reference is reading the whole waiting list once, which is what every
 * batch did (twice per pass) when the dispatcher picked from the whole list. The sends are checked to be
 * the oldest, in order, each once.
 */
export const outboxSection: BenchSection = {
  name: 'outbox',
  async run(): Promise<BenchRow[]> {
    const cluster = await startPostgres({ durable: true });
    try {
      const url = await cluster.createDatabase();
      const store = await openPgStore({ connectionString: url });
      const coordination = await openPgCoordination({ connectionString: url, log: () => undefined });
      const clock = new FakeClock(T0);
      const sent: string[] = [];
      const channel: DeliveryChannel = { name: 'telegram', send: async (n) => void sent.push(n.id) };
      const dispatcher = createDispatcher({ store, clock, coordination, channels: [channel], options: { startupPauseMs: 0 }, log: () => undefined });
      try {
        const ids = await seedBroadcast(store);
        const whole: number[] = [];
        for (let i = 0; i < WHOLE_READS; i++) whole.push(await timed(() => store.tables.notifications.where('pendingTelegram', 'waiting')));
        const window: number[] = [];
        const passes: number[] = [];
        for (let i = 0; i < PASSES; i++) {
          window.push(await timed(() => store.tables.notifications.page('pendingTelegram', 'waiting', { direction: 'asc', limit: 60 })));
          const start = performance.now();
          const report = await dispatcher.runOnce();
          passes.push(performance.now() - start);
          clock.set(report.nextDueAt!);
        }
        deepStrictEqual(sent, ids.slice(0, sent.length), 'the outbox sent other than the oldest, in order, once each');
        const benchmark = `outbox · ${formatCount(WAITING)} waiting on PostgreSQL`;
        const reference = `${formatMs(percentile(whole, 50))} (whole list read once)`;
        return [
          {
            benchmark,
            measure: `read of a window of 60, p50 (${PASSES})`,
            value: formatMs(percentile(window, 50)),
            reference,
            comparison: compare(percentile(window, 50), percentile(whole, 50)),
          },
          {
            benchmark,
            measure: `pass sending a batch of 30, p50 (${PASSES})`,
            value: formatMs(percentile(passes, 50)),
            reference,
            comparison: compare(percentile(passes, 50), percentile(whole, 50)),
          },
          { benchmark, measure: 'pass p99', value: formatMs(percentile(passes, 99)), reference: '', comparison: `${formatCount(sent.length)} sent, oldest first, once each` },
        ];
      } finally {
        await dispatcher.stop();
        await coordination.close();
        await store.close();
      }
    } finally {
      await cluster.stop();
    }
  },
};
