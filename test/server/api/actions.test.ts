import { describe, expect, it } from 'vitest';
import { testRuntime, type TestRuntime } from '../../support/runtime.js';
import { publishChallenge, registerCast, submitBid, type Person } from '../../support/scenario.js';

/**
 * `actions` on challenges and bids through the HTTP API: present for every caller, and what that caller may
 * do (the full matrix is the domain test's; here each read path fills it and it follows a transition).
 */

const get = (rt: TestRuntime, path: string, who?: Person) => rt.call('GET', path, { token: who?.token });
const post = (rt: TestRuntime, path: string, who: Person, body?: unknown) => rt.call('POST', path, { token: who.token, body });

describe('actions in the API', () => {
  it('a challenge carries the caller’s actions, on its page and in lists, and they follow its status', async () => {
    const rt = await testRuntime();
    const { owner, bidder, rival } = await registerCast(rt);
    const id = await publishChallenge(rt, owner);
    const bid = await submitBid(rt, bidder, id, 'actions');

    expect((await get(rt, `/api/challenges/${id}`)).body.actions).toEqual([]);
    expect((await get(rt, `/api/challenges/${id}`, owner)).body.actions).toEqual(['edit', 'close', 'cancel', 'award', 'save']);
    expect((await get(rt, `/api/challenges/${id}`, bidder)).body.actions).toEqual(['ask', 'save']);
    expect((await get(rt, `/api/challenges/${id}`, rival)).body.actions).toEqual(['bid', 'ask', 'save']);
    const listed = (await get(rt, '/api/challenges', rival)).body.items.find((c: { id: string }) => c.id === id);
    expect(listed.actions).toEqual(['bid', 'ask', 'save']);

    expect(bid.actions).toEqual(['revise', 'withdraw']);
    expect((await get(rt, `/api/bids/${bid.id}`, owner)).body.actions).toEqual(['shortlist', 'reject', 'award']);
    const [mine] = (await get(rt, '/api/me/bids', bidder)).body.items;
    expect(mine.actions).toEqual(['revise', 'withdraw']);

    expect((await post(rt, `/api/challenges/${id}/close`, owner)).status).toBe(200);
    expect((await get(rt, `/api/challenges/${id}`, owner)).body.actions).toEqual(['cancel', 'award', 'save']);
    expect((await get(rt, `/api/bids/${bid.id}`, bidder)).body.actions).toEqual([]);

    const awarded = await post(rt, `/api/challenges/${id}/award`, owner, { bidId: bid.id });
    expect(awarded.status).toBe(200);
    expect((await get(rt, `/api/challenges/${id}`, owner)).body.actions).toEqual(['save']);
    const [onChallenge] = (await get(rt, `/api/challenges/${id}/bids`, owner)).body.items;
    expect(onChallenge.actions).toEqual([]);
  });
});
