import { afterEach, describe, expect, it } from 'vitest';
import { sendDeadlineReminders } from '../../../server/domain/reminders.js';
import { createLocalCoordination } from '../../../server/jobs/coordination.js';
import { startLeaderJob, type LeaderJob } from '../../../server/jobs/leader-job.js';
import { openPgCoordination } from '../../../server/jobs/pg-coordination.js';
import { openPgStore } from '../../../server/store/pg/pg-store.js';
import type { Store } from '../../../server/store/store.js';
import { FakeClock, HOUR } from '../../support/fake-clock.js';
import { usePostgres } from '../../support/postgres.js';
import { account, challenge, save } from '../store/contract/rows.js';

const cluster = usePostgres();
const T0 = new Date('2026-11-01T09:00:00.000Z');

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Resolves once `done()` holds, looking again every 10 ms. */
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('leader jobs', () => {
  it('in process: runs at once, then after each interval, and not after stop', async () => {
    const coordination = createLocalCoordination();
    let runs = 0;
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const job = startLeaderJob({ coordination, name: 'upkeep', intervalMs: 60_000, run: () => (++runs, blocked) });
    await until(() => runs === 1);
    expect(job.isLeader()).toBe(true);
    const stopping = job.stop();
    release();
    await stopping;
    expect(job.isLeader()).toBe(false);
    expect(runs).toBe(1);
  });

  it('upkeep with reminders runs on one of two PostgreSQL instances, and moves to the other when it stops', async () => {
    const url = await cluster().createDatabase();
    const clock = new FakeClock(T0);
    const opened = [];
    for (let i = 0; i < 2; i++) {
      const store = await openPgStore({ connectionString: url });
      const coordination = await openPgCoordination({ connectionString: url, pollIntervalMs: 20, log: () => undefined });
      cleanups.push(async () => {
        await coordination.close();
        await store.close();
      });
      opened.push({ store, coordination });
    }
    await opened[0]!.store.transact(async (tx) => {
      for (const id of ['acc_owner', 'acc_1', 'acc_2']) await tx.accounts.insert(account(id));
      await tx.challenges.insert(challenge('chl_1', 'acc_owner', { deadline: new Date(T0.getTime() + 12 * HOUR).toISOString() }));
      await tx.saves.insert(save('acc_1', 'chl_1'));
      await tx.saves.insert(save('acc_2', 'chl_1'));
    });
    const [a, b] = opened.map(({ store, coordination }) => {
      const me = { store, runs: 0, sent: 0, job: null as unknown as LeaderJob };
      me.job = startLeaderJob({
        coordination,
        name: 'upkeep',
        intervalMs: HOUR,
        run: async () => {
          me.runs++;
          me.sent += await sendDeadlineReminders({ store, clock });
        },
      });
      cleanups.push(() => me.job.stop());
      return me;
    }) as [{ store: Store; runs: number; sent: number; job: LeaderJob }, { store: Store; runs: number; sent: number; job: LeaderJob }];

    await until(() => a.runs + b.runs > 0);
    const [leader, follower] = a.runs > 0 ? [a, b] : [b, a];
    expect([leader.job.isLeader(), follower.job.isLeader()]).toEqual([true, false]);
    expect(follower.runs).toBe(0);

    await leader.job.stop();
    await until(() => follower.runs === 1);
    expect(follower.job.isLeader()).toBe(true);
    // The reminder went out once, whichever instance ran first.
    const deadline = (await a.store.tables.notifications.all()).filter((n) => n.kind === 'deadline');
    expect(deadline.map((n) => n.accountId).sort()).toEqual(['acc_1', 'acc_2']);
    expect([leader.runs, leader.sent, follower.sent]).toEqual([1, 2, 0]);
  });
});
