import { describe, expect, it } from 'vitest';
import { DAY } from '../../support/fake-clock.js';
import { testRuntime } from '../../support/runtime.js';
import { publishChallenge, register, submitBid } from '../../support/scenario.js';

const SEARCH = '/api/challenges?q=battery';

describe('signed-in searches share their ranking, never their relation or a stale hit', () => {
  it('gives each caller their own relation on the same hits, and sees a commit and a passing deadline at once', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Enterprise', ['enterprise']);
    const bidder = await register(rt, 'Bidder', ['researcher']);
    const reader = await register(rt, 'Reader', ['researcher']);
    const soon = await publishChallenge(rt, owner, { title: 'Battery recycling at scale', deadline: new Date(rt.clock.now().getTime() + 2 * DAY).toISOString() });
    const later = await publishChallenge(rt, owner, { title: 'Battery cathode coatings' });
    const bid = await submitBid(rt, bidder, soon, 'mine');

    const as = async (token: string) => (await rt.call('GET', SEARCH, { token })).body.items as any[];
    const byId = (items: any[]) => Object.fromEntries(items.map((c) => [c.id, c]));
    const [forBidder, forReader, forOwner] = [byId(await as(bidder.token)), byId(await as(reader.token)), byId(await as(owner.token))];
    expect(Object.keys(forBidder).sort()).toEqual([soon, later].sort());
    expect(forBidder[soon].viewer).toEqual({ isOwner: false, saved: false, bidId: bid.id });
    expect(forBidder[soon].actions).not.toContain('bid');
    expect(forReader[soon].viewer.bidId).toBeNull();
    expect(forReader[soon].actions).toContain('bid');
    expect(forReader[soon].counters.bids).toBeNull();
    expect(forOwner[soon].counters.bids).toBe(1);

    expect((await rt.call('PUT', `/api/me/saved/${later}`, { token: reader.token })).status).toBe(200);
    expect(byId(await as(reader.token))[later].viewer.saved).toBe(true);
    expect(byId(await as(bidder.token))[later].viewer.saved).toBe(false);

    const third = await publishChallenge(rt, owner, { title: 'Battery thermal runaway sensing' });
    expect((await as(reader.token)).map((c) => c.id)).toContain(third);

    rt.clock.advance(2 * DAY);
    const after = await as(reader.token);
    expect(after.map((c) => c.id)).not.toContain(soon);
    const closed = (await rt.call('GET', `${SEARCH}&status=closed`, { token: reader.token })).body.items as any[];
    expect(closed.map((c) => c.id)).toEqual([soon]);
  });
});
