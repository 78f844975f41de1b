import { describe, expect, it } from 'vitest';
import { sendDeadlineReminders } from '../../../server/domain/reminders.js';
import { openPgStore } from '../../../server/store/pg/pg-store.js';
import { DAY, FakeClock, HOUR } from '../../support/fake-clock.js';
import { usePostgres } from '../../support/postgres.js';
import { testRuntime } from '../../support/runtime.js';
import { notificationsOf, publishChallenge, register, submitBid } from '../../support/scenario.js';
import { account, bid, challenge, save } from '../store/contract/rows.js';

const cluster = usePostgres();

describe('deadline reminders', () => {
  it('reminds savers and live bidders once, 24 hours before the deadline', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Enterprise', ['enterprise']);
    const saver = await register(rt, 'Saver', ['researcher']);
    const bidder = await register(rt, 'Bidder', ['researcher']);
    const withdrawn = await register(rt, 'Withdrawn', ['researcher']);
    const bystander = await register(rt, 'Bystander', ['researcher']);
    const id = await publishChallenge(rt, owner, { deadline: new Date(rt.clock.now().getTime() + 3 * DAY).toISOString() });
    await rt.call('PUT', `/api/me/saved/${id}`, { token: saver.token });
    await rt.call('PUT', `/api/me/saved/${id}`, { token: bidder.token });
    await submitBid(rt, bidder, id, 'b');
    const gone = await submitBid(rt, withdrawn, id, 'w');
    await rt.call('POST', `/api/bids/${gone.id}/withdraw`, { token: withdrawn.token });

    rt.clock.advance(DAY);
    expect(await sendDeadlineReminders(rt)).toBe(0);
    rt.clock.advance(DAY + HOUR);
    expect(await sendDeadlineReminders(rt)).toBe(2);
    expect(await sendDeadlineReminders(rt)).toBe(0);

    const deadlineKinds = async (p: typeof saver) => (await notificationsOf(rt, p)).filter((n) => n.kind === 'deadline').map((n) => n.challengeId);
    expect(await deadlineKinds(saver)).toEqual([id]);
    expect(await deadlineKinds(bidder)).toEqual([id]);
    expect(await deadlineKinds(withdrawn)).toEqual([]);
    expect(await deadlineKinds(bystander)).toEqual([]);
    expect(await deadlineKinds(owner)).toEqual([]);
  });

  it('does not remind for a challenge that is already closed', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Enterprise', ['enterprise']);
    const saver = await register(rt, 'Saver', ['researcher']);
    const id = await publishChallenge(rt, owner, { deadline: new Date(rt.clock.now().getTime() + 2 * DAY).toISOString() });
    await rt.call('PUT', `/api/me/saved/${id}`, { token: saver.token });
    await rt.call('POST', `/api/challenges/${id}/close`, { token: owner.token });
    rt.clock.advance(DAY + HOUR);
    expect(await sendDeadlineReminders(rt)).toBe(0);
  });

  it('sends each reminder once when instances on one PostgreSQL database run it at the same time', async () => {
    const url = await cluster().createDatabase();
    const clock = new FakeClock('2026-11-01T09:00:00.000Z');
    const stores = await Promise.all(Array.from({ length: 3 }, () => openPgStore({ connectionString: url })));
    try {
      const deadline = new Date(clock.now().getTime() + 12 * HOUR).toISOString();
      await stores[0]!.transact(async (tx) => {
        for (const id of ['acc_owner', 'acc_1', 'acc_2', 'acc_3']) await tx.accounts.insert(account(id));
        for (const id of ['chl_1', 'chl_2']) {
          await tx.challenges.insert(challenge(id, 'acc_owner', { deadline }));
          await tx.saves.insert(save('acc_1', id));
          await tx.bids.insert(bid(`bid_${id}`, id, 'acc_2'));
        }
        await tx.saves.insert(save('acc_3', 'chl_2'));
      });
      const counts = await Promise.all(stores.flatMap((store) => [0, 1].map(() => sendDeadlineReminders({ store, clock }))));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
      const reminders = (await stores[1]!.tables.notifications.all()).filter((n) => n.kind === 'deadline');
      expect(reminders.map((n) => `${n.challengeId} ${n.accountId}`).sort()).toEqual(['chl_1 acc_1', 'chl_1 acc_2', 'chl_2 acc_1', 'chl_2 acc_2', 'chl_2 acc_3']);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
