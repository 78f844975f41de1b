import { describe, expect, it } from 'vitest';
import { testRuntime } from '../../support/runtime.js';
import { expectError, publishChallenge, register, registerCast, submitBid } from '../../support/scenario.js';

/**
 * `GET /api/bids/{id}/scores`: a reviewer reads back their own sheet of a bid (the extension reopens a
 * scored bid with it), and nobody else reads it there. Runs on both stores (the `pg` project includes it).
 */
describe('GET /api/bids/{id}/scores', () => {
  it('gives a reviewer their own latest sheet, a 404 before they scored, and a 404 to everyone else', async () => {
    const rt = await testRuntime();
    const cast = await registerCast(rt);
    const reviewer = await register(rt, 'Dr Reviewer', ['researcher']);
    const other = await register(rt, 'Dr Other', ['researcher']);
    const rubric = [
      { name: 'Feasibility', description: 'Can it be built', weight: 60 },
      { name: 'Cost', description: 'Unit cost', weight: 40 },
    ];
    const challengeId = await publishChallenge(rt, cast.owner, { rubric });
    const bid = await submitBid(rt, cast.bidder, challengeId, 'B');
    for (const who of [reviewer, other]) {
      expect((await rt.call('POST', `/api/challenges/${challengeId}/reviewers`, { token: cast.owner.token, body: { accountId: who.id } })).status).toBe(201);
    }
    const path = `/api/bids/${bid.id}/scores`;

    expectError(await rt.call('GET', path, { token: reviewer.token }), 404);
    const first = [
      { criterion: 'Feasibility', score: 4, comment: 'Credible pilot data' },
      { criterion: 'Cost', score: 2, comment: '' },
    ];
    expect((await rt.call('PUT', path, { token: reviewer.token, body: first })).status).toBe(200);
    expect((await rt.call('PUT', path, { token: reviewer.token, body: [first[0], { criterion: 'Cost', score: 3, comment: 'Fair' }] })).status).toBe(200);

    const mine = await rt.call('GET', path, { token: reviewer.token });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      bidId: bid.id,
      phase: 0,
      scores: [
        { criterion: 'Feasibility', score: 4, comment: 'Credible pilot data' },
        { criterion: 'Cost', score: 3, comment: 'Fair' },
      ],
      weighted: 3.6,
    });
    // Another reviewer has no sheet yet; the owner, the bidder and strangers never read one here.
    expectError(await rt.call('GET', path, { token: other.token }), 404);
    for (const who of [cast.owner, cast.bidder, cast.otherEnterprise]) expectError(await rt.call('GET', path, { token: who.token }), 404);
    expect((await rt.call('GET', path)).status).toBe(401);
  });
});
