import { describe, expect, it } from 'vitest';
import { sendDeadlineReminders } from '../../../server/domain/reminders.js';
import { DAY, HOUR } from '../../support/fake-clock.js';
import { testRuntime } from '../../support/runtime.js';
import { notificationsOf, publishChallenge, register, submitBid } from '../../support/scenario.js';

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
});
