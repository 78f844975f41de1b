import { afterEach, describe, expect, it, vi } from 'vitest';
import { testRuntime } from '../../support/runtime.js';
import { publishChallenge, register, submitBid } from '../../support/scenario.js';

afterEach(() => vi.restoreAllMocks());

describe('anonymous public reads share one answer until something changes', () => {
  it('computes a repeated search, list page or board page once, and again after a commit', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Enterprise', ['enterprise']);
    const first = await publishChallenge(rt, owner, { title: 'Battery recycling at scale' });
    const list = vi.spyOn(rt.services.challenges, 'list');
    const search = '/api/challenges?q=battery';
    const once = await rt.call('GET', search);
    for (let i = 0; i < 5; i++) expect((await rt.call('GET', search)).body).toEqual(once.body);
    for (let i = 0; i < 3; i++) expect((await rt.call('GET', '/?lang=en')).status).toBe(200);
    expect(list).toHaveBeenCalledTimes(2);

    const second = await publishChallenge(rt, owner, { title: 'Battery cathode coatings' });
    expect((await rt.call('GET', search)).body.items.map((c: any) => c.id).sort()).toEqual([first, second].sort());
    expect((await rt.call('GET', '/?lang=en')).body).toContain('Battery cathode coatings');
    expect(list).toHaveBeenCalledTimes(4);
  });

  it('never serves a signed-in caller the anonymous answer, nor the other way round', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Enterprise', ['enterprise']);
    const bidder = await register(rt, 'Researcher', ['researcher']);
    const id = await publishChallenge(rt, owner);
    const bid = await submitBid(rt, bidder, id, 'mine');
    expect((await rt.call('GET', `/api/challenges/${id}`)).body).not.toHaveProperty('viewer');
    const mine = await rt.call('GET', `/api/challenges/${id}`, { token: bidder.token });
    expect(mine.body.viewer.bidId).toBe(bid.id);
    expect((await rt.call('GET', `/api/challenges/${id}`, { token: owner.token })).body.counters.bids).toBe(1);
    const anonymous = await rt.call('GET', `/api/challenges/${id}`);
    expect(anonymous.body).not.toHaveProperty('viewer');
    expect(anonymous.body.counters.bids).toBeNull();
  });

  it('follows the clock: a deadline that passes shows at once', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Enterprise', ['enterprise']);
    const id = await publishChallenge(rt, owner);
    expect((await rt.call('GET', `/api/challenges/${id}`)).body.status).toBe('open');
    rt.clock.advance(31 * 24 * 3600_000);
    expect((await rt.call('GET', `/api/challenges/${id}`)).body.status).toBe('closed');
  });
});
