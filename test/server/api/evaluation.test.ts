import { describe, expect, it } from 'vitest';
import { DAY } from '../../support/fake-clock.js';
import { testRuntime, type TestRuntime } from '../../support/runtime.js';
import { expectError, notificationsOf, publishChallenge, register, registerCast, submitBid, type Cast, type Person } from '../../support/scenario.js';

/**
 * Evaluation over the API (PRODUCT.md §9): who reads and does what around reviews, blind copies, the
 * ranking's arithmetic, and phases on a fake clock. Runs on both stores (the `pg` project includes it).
 */

const RUBRIC = [
  { name: 'Feasibility', description: 'Can it be built', weight: 60 },
  { name: 'Cost', description: 'Unit cost', weight: 40 },
];

interface Panel extends Cast {
  reviewer: Person;
  /** Of the bidder's organization: recused from the bidder's bid automatically. */
  colleague: Person;
  challengeId: string;
  bidId: string;
  rivalBidId: string;
}

/** A published blind challenge with a rubric, the bidder's and the rival's bids, and two reviewers. */
async function panel(rt: TestRuntime, overrides: Record<string, unknown> = {}): Promise<Panel> {
  const cast = await registerCast(rt);
  const reviewer = await register(rt, 'Dr Reviewer', ['researcher']);
  const colleague = await register(rt, 'Dr Colleague', ['researcher']);
  // The colleague works where the bidder does.
  expect((await rt.call('PATCH', '/api/me', { token: colleague.token, body: { organization: cast.bidder.organization } })).status).toBe(200);
  const challengeId = await publishChallenge(rt, cast.owner, { blind: true, rubric: RUBRIC, ...overrides });
  const bid = await submitBid(rt, cast.bidder, challengeId, 'B', { summary: `Dr Bidder of ${cast.bidder.organization} proposes a film` });
  const rivalBid = await submitBid(rt, cast.rival, challengeId, 'R');
  for (const who of [reviewer, colleague]) {
    const res = await rt.call('POST', `/api/challenges/${challengeId}/reviewers`, { token: cast.owner.token, body: { accountId: who.id } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  return { ...cast, reviewer, colleague, challengeId, bidId: bid.id, rivalBidId: rivalBid.id };
}

const sheet = (feasibility: number, cost: number, comment = '') => [
  { criterion: 'Feasibility', score: feasibility, comment },
  { criterion: 'Cost', score: cost, comment },
];

describe('evaluation permissions', () => {
  it('lets each caller do only what §9 allows', async () => {
    const rt = await testRuntime();
    const p = await panel(rt);
    const callers: Record<string, string | undefined> = {
      anonymous: undefined,
      owner: p.owner.token,
      otherEnterprise: p.otherEnterprise.token,
      bidder: p.bidder.token,
      reviewer: p.reviewer.token,
      colleague: p.colleague.token,
    };
    // path, method, body, then the status per caller: anonymous, owner, other enterprise, bidder, reviewer, colleague (recused from :bid)
    const rows: [string, string, unknown, number[]][] = [
      ['GET', `/api/bids/${p.bidId}`, undefined, [401, 200, 404, 200, 200, 404]],
      ['GET', `/api/bids/${p.rivalBidId}`, undefined, [401, 200, 404, 404, 200, 200]],
      ['GET', `/api/challenges/${p.challengeId}/ranking`, undefined, [401, 200, 403, 403, 403, 403]],
      ['GET', `/api/challenges/${p.challengeId}/reviewers`, undefined, [401, 200, 403, 403, 403, 403]],
      ['POST', `/api/challenges/${p.challengeId}/reviewers/invites`, undefined, [401, 201, 403, 403, 403, 403]],
      ['PUT', `/api/bids/${p.bidId}/scores`, sheet(3, 3), [401, 403, 404, 403, 200, 404]],
      ['POST', `/api/bids/${p.rivalBidId}/feedback`, { commentIds: ['x#0'] }, [401, 422, 404, 404, 403, 403]],
      ['POST', `/api/challenges/${p.challengeId}/advance`, {}, [401, 409, 403, 403, 403, 403]],
      ['GET', '/api/me/reviews', undefined, [401, 200, 200, 200, 200, 200]],
    ];
    const names = Object.keys(callers);
    for (const [method, path, body, expected] of rows) {
      for (const [i, name] of names.entries()) {
        const res = await rt.call(method, path, { token: callers[name], ...(body === undefined ? {} : { body }) });
        expect({ method, path, name, status: res.status }).toEqual({ method, path, name, status: expected[i] });
      }
    }
  });

  it('shows the rubric to the public and nothing of reviewers or scores to anyone but the owner', async () => {
    const rt = await testRuntime();
    const p = await panel(rt);
    await rt.call('PUT', `/api/bids/${p.bidId}/scores`, { token: p.reviewer.token, body: sheet(4, 2, 'secret-comment') });
    const publicView = await rt.call('GET', `/api/challenges/${p.challengeId}`);
    expect(publicView.body.rubric.map((c: { name: string; weight: number; scale: unknown }) => [c.name, c.weight, c.scale])).toEqual([
      ['Feasibility', 60, { min: 1, max: 5 }],
      ['Cost', 40, { min: 1, max: 5 }],
    ]);
    expect(publicView.body.blind).toBe(true);
    const board = await (await rt.app.request(`/challenges/${p.challengeId}`)).text();
    expect(board).toContain('Feasibility');
    for (const token of [undefined, p.bidder.token, p.rival.token, p.otherEnterprise.token]) {
      for (const path of [`/api/challenges/${p.challengeId}`, '/api/me/bids', '/api/me/notifications', `/api/bids/${p.bidId}`]) {
        const text = JSON.stringify((await rt.call('GET', path, { token })).body);
        expect(text).not.toContain('secret-comment');
        expect(text).not.toContain(p.reviewer.id);
        expect(text).not.toContain('Dr Reviewer');
      }
    }
  });

  it('gives blind reviewers a copy without the bidder, their organization, account, receipt or references\' authors', async () => {
    const rt = await testRuntime();
    const p = await panel(rt);
    const copy = await rt.call('GET', `/api/bids/${p.bidId}`, { token: p.reviewer.token });
    expect(copy.status).toBe(200);
    expect(copy.body.bidder).toBeNull();
    expect(copy.body.summary).toBe('[bidder] of [organization] proposes a film');
    const text = JSON.stringify(copy.body);
    for (const secret of [p.bidder.id, p.bidder.displayName, p.bidder.organization, 'Lovelace', 'receipt', 'sha256']) expect(text).not.toContain(secret);
  });

  it('reveals the bidder to reviewers at the moment the owner chose: the shortlist', async () => {
    const rt = await testRuntime();
    const p = await panel(rt, { revealAt: 'shortlist' });
    await rt.call('POST', `/api/challenges/${p.challengeId}/close`, { token: p.owner.token });
    expect((await rt.call('GET', `/api/bids/${p.rivalBidId}`, { token: p.reviewer.token })).body.bidder).toBeNull();
    await rt.call('POST', `/api/bids/${p.rivalBidId}/shortlist`, { token: p.owner.token });
    expect((await rt.call('GET', `/api/bids/${p.rivalBidId}`, { token: p.reviewer.token })).body.bidder).toMatchObject({ id: p.rival.id });
    expect((await rt.call('GET', `/api/bids/${p.bidId}`, { token: p.reviewer.token })).body.bidder).toBeNull();
    // A closed challenge awaiting review may still change how it is judged, until the first score.
    expect((await rt.call('PATCH', `/api/challenges/${p.challengeId}`, { token: p.owner.token, body: { rubric: [{ name: 'Overall', weight: 100 }] } })).status).toBe(200);
    expectError(await rt.call('PATCH', `/api/challenges/${p.challengeId}`, { token: p.owner.token, body: { title: 'A new title after closing' } }), 409);
  });

  it('shows reviewers who bid once the review is not blind', async () => {
    const rt = await testRuntime();
    const p = await panel(rt, { blind: false });
    const copy = await rt.call('GET', `/api/bids/${p.bidId}`, { token: p.reviewer.token });
    expect(copy.body.bidder).toEqual({ id: p.bidder.id, displayName: p.bidder.displayName, organization: p.bidder.organization });
  });
});

describe('reviewers', () => {
  it('records automatic recusals by organization and declared person, and manual ones with a reason', async () => {
    const rt = await testRuntime();
    const p = await panel(rt);
    const colleagueReviews = await rt.call('GET', '/api/me/reviews', { token: p.colleague.token });
    expect(colleagueReviews.body.items[0]).toMatchObject({ recused: 1, bids: [{ bidId: p.rivalBidId, scored: false }], progress: { scored: 0, total: 1 } });

    const declared = await rt.call('PUT', `/api/challenges/${p.challengeId}/reviewers/me/conflicts`, {
      token: p.reviewer.token,
      body: { organizations: [], people: ['dr rival'] },
    });
    expect(declared.status, JSON.stringify(declared.body)).toBe(200);
    expect(declared.body).toMatchObject({ recused: 1, bids: [{ bidId: p.bidId }] });
    expectError(await rt.call('GET', `/api/bids/${p.rivalBidId}`, { token: p.reviewer.token }), 404);

    const manual = await rt.call('POST', `/api/bids/${p.rivalBidId}/recuse`, { token: p.colleague.token, body: { reason: 'I advised this team last year' } });
    expect(manual.status).toBe(201);
    const list = await rt.call('GET', `/api/challenges/${p.challengeId}/reviewers`, { token: p.owner.token });
    const byName = Object.fromEntries(list.body.items.map((r: any) => [r.reviewer.displayName, r.recusals.map((x: any) => [x.bidId, x.kind, x.reason])]));
    expect(byName).toEqual({
      'Dr Reviewer': [[p.rivalBidId, 'auto', 'The bidder is a person you declared']],
      'Dr Colleague': [
        [p.bidId, 'auto', 'The bidder is of your own organization'],
        [p.rivalBidId, 'manual', 'I advised this team last year'],
      ],
    });
  });

  it('makes whoever redeems an invite code a reviewer, once; the owner may remove them', async () => {
    const rt = await testRuntime();
    const p = await panel(rt);
    const expert = await register(rt, 'Outside Expert', ['enterprise']);
    const invite = await rt.call('POST', `/api/challenges/${p.challengeId}/reviewers/invites`, { token: p.owner.token });
    expect(invite.status).toBe(201);
    const redeemed = await rt.call('POST', '/api/reviewers/redeem', { token: expert.token, body: { code: invite.body.code.toLowerCase() } });
    expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(200);
    expect(redeemed.body.challenge.id).toBe(p.challengeId);
    expectError(await rt.call('POST', '/api/reviewers/redeem', { token: p.rival.token, body: { code: invite.body.code } }), 422);
    expect((await rt.call('GET', `/api/bids/${p.bidId}`, { token: expert.token })).status).toBe(200);
    expect((await rt.call('DELETE', `/api/challenges/${p.challengeId}/reviewers/${expert.id}`, { token: p.owner.token })).status).toBe(200);
    expectError(await rt.call('GET', `/api/bids/${p.bidId}`, { token: expert.token }), 404);
    // Reviewers do not bid on what they review, and bidders do not review it.
    expectError(await rt.call('POST', `/api/challenges/${p.challengeId}/reviewers`, { token: p.owner.token, body: { accountId: p.rival.id } }), 409);
    expectError(await rt.call('POST', `/api/challenges/${p.challengeId}/bids`, { token: p.reviewer.token, body: { summary: 'A reviewer tries to bid here', approach: 'Not allowed to do so at all', price: { amount: 1 }, durationWeeks: 1 } }), 409);
  });

  it('tells the reviewer of the assignment and the owner once every score is in', async () => {
    const rt = await testRuntime();
    const p = await panel(rt);
    expect((await notificationsOf(rt, p.reviewer)).map((n) => n.kind)).toEqual(['review-assigned']);
    await rt.call('PUT', `/api/bids/${p.bidId}/scores`, { token: p.reviewer.token, body: sheet(4, 2) });
    await rt.call('PUT', `/api/bids/${p.rivalBidId}/scores`, { token: p.reviewer.token, body: sheet(3, 3) });
    expect((await notificationsOf(rt, p.owner)).filter((n) => n.kind === 'scores-complete')).toHaveLength(0);
    await rt.call('PUT', `/api/bids/${p.rivalBidId}/scores`, { token: p.colleague.token, body: sheet(5, 5) });
    expect((await notificationsOf(rt, p.owner)).filter((n) => n.kind === 'scores-complete')).toHaveLength(1);
    // A changed sheet completes nothing new.
    await rt.call('PUT', `/api/bids/${p.rivalBidId}/scores`, { token: p.colleague.token, body: sheet(4, 5) });
    expect((await notificationsOf(rt, p.owner)).filter((n) => n.kind === 'scores-complete')).toHaveLength(1);
  });
});

describe('scores and ranking', () => {
  it('computes the weighted mean, spread and pending reviewers exactly', async () => {
    const rt = await testRuntime();
    const p = await panel(rt, { blind: false });
    const third = await register(rt, 'Dr Third', ['researcher']);
    await rt.call('POST', `/api/challenges/${p.challengeId}/reviewers`, { token: p.owner.token, body: { accountId: third.id } });
    // The rival's bid: three reviews, (4, 2), (5, 3), (3, 5) → 3.2, 4.2, 3.8 → mean 3.73.
    for (const [who, f, c] of [[p.reviewer, 4, 2], [p.colleague, 5, 3], [third, 3, 5]] as const) {
      const res = await rt.call('PUT', `/api/bids/${p.rivalBidId}/scores`, { token: who.token, body: sheet(f, c, `${who.displayName} says ${f}/${c}`) });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    // The bidder's bid: one review of (5, 5), one pending; the colleague is recused.
    await rt.call('PUT', `/api/bids/${p.bidId}/scores`, { token: third.token, body: sheet(5, 5) });
    const ranking = await rt.call('GET', `/api/challenges/${p.challengeId}/ranking`, { token: p.owner.token });
    expect(ranking.status).toBe(200);
    expect(ranking.body).toMatchObject({ phase: 0, reviewers: 3, complete: false });
    const [first, second] = ranking.body.items;
    expect(first).toMatchObject({ rank: 1, bidId: p.bidId, weightedMean: 5, reviews: 1, pendingReviewers: [{ id: p.reviewer.id }] });
    expect(second).toMatchObject({
      rank: 2,
      bidId: p.rivalBidId,
      weightedMean: 3.73,
      reviews: 3,
      pendingReviewers: [],
      criteria: [
        { criterion: 'Feasibility', weight: 60, mean: 4, min: 3, max: 5, stddev: 0.82 },
        { criterion: 'Cost', weight: 40, mean: 3.33, min: 2, max: 5, stddev: 1.25 },
      ],
    });
    expect(second.comments).toHaveLength(6);

    // Feedback: two chosen comments reach the bidder without their authors.
    const chosen = second.comments.filter((c: any) => c.reviewerId === p.colleague.id).map((c: any) => c.id);
    const sent = await rt.call('POST', `/api/bids/${p.rivalBidId}/feedback`, { token: p.owner.token, body: { commentIds: chosen, note: 'Thank you.' } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const mine = await rt.call('GET', `/api/bids/${p.rivalBidId}`, { token: p.rival.token });
    expect(mine.body.feedback).toBe('Thank you.\nFeasibility: Dr Colleague says 5/3\nCost: Dr Colleague says 5/3');
    expect(JSON.stringify(mine.body)).not.toContain(p.colleague.id);
    expect((await notificationsOf(rt, p.rival)).map((n) => n.kind)).toContain('feedback');
  });

  it('refuses sheets that do not fit the rubric, and fixes the rubric once a score exists', async () => {
    const rt = await testRuntime();
    const p = await panel(rt);
    expectError(await rt.call('PUT', `/api/bids/${p.rivalBidId}/scores`, { token: p.reviewer.token, body: [{ criterion: 'Cost', score: 3 }] }), 422);
    expectError(await rt.call('PUT', `/api/bids/${p.rivalBidId}/scores`, { token: p.reviewer.token, body: [...sheet(3, 3), { criterion: 'Beauty', score: 3 }] }), 422);
    expectError(await rt.call('PUT', `/api/bids/${p.rivalBidId}/scores`, { token: p.reviewer.token, body: sheet(6, 3) }), 422);
    const reweighted = [{ ...RUBRIC[0], weight: 50 }, { ...RUBRIC[1], weight: 50 }];
    expect((await rt.call('PATCH', `/api/challenges/${p.challengeId}`, { token: p.owner.token, body: { rubric: reweighted } })).status).toBe(200);
    expectError(await rt.call('PATCH', `/api/challenges/${p.challengeId}`, { token: p.owner.token, body: { rubric: [{ name: 'Only', weight: 90 }] } }), 422);
    expect((await rt.call('PUT', `/api/bids/${p.rivalBidId}/scores`, { token: p.reviewer.token, body: sheet(3, 3) })).status).toBe(200);
    expectError(await rt.call('PATCH', `/api/challenges/${p.challengeId}`, { token: p.owner.token, body: { rubric: RUBRIC } }), 409);
    expectError(await rt.call('PATCH', `/api/challenges/${p.challengeId}`, { token: p.owner.token, body: { blind: false } }), 409);
  });
});

describe('phases', () => {
  it('advances a closed phase: the shortlist goes on to revise, the rest are rejected with feedback, and the award waits for the last phase', async () => {
    const rt = await testRuntime();
    const cast = await registerCast(rt);
    const late = await register(rt, 'Dr Late', ['researcher']);
    const at = (days: number) => new Date(rt.clock.now().getTime() + days * DAY).toISOString();
    const phases = [
      { name: 'Concept', deadline: at(10), shortlistSize: 1 },
      { name: 'Full proposal', deadline: at(40), shortlistSize: 1, rubric: [{ name: 'Evidence', weight: 100 }] },
    ];
    const challengeId = await publishChallenge(rt, cast.owner, { deadline: undefined, phases, rubric: RUBRIC });
    const created = await rt.call('GET', `/api/challenges/${challengeId}`);
    expect(created.body).toMatchObject({ phase: 0, deadline: phases[0]!.deadline, phases: [{ name: 'Concept', rubric: null }, { name: 'Full proposal' }] });
    const bid = await submitBid(rt, cast.bidder, challengeId, 'B');
    const rivalBid = await submitBid(rt, cast.rival, challengeId, 'R');
    expectError(await rt.call('POST', `/api/challenges/${challengeId}/award`, { token: cast.owner.token, body: { bidId: bid.id } }), 409);
    expectError(await rt.call('POST', `/api/challenges/${challengeId}/advance`, { token: cast.owner.token, body: {} }), 409);

    rt.clock.advance(11 * DAY);
    expect((await rt.call('GET', `/api/challenges/${challengeId}`)).body.status).toBe('closed');
    expectError(await rt.call('POST', `/api/challenges/${challengeId}/advance`, { token: cast.owner.token, body: {} }), 409);
    await rt.call('POST', `/api/bids/${bid.id}/shortlist`, { token: cast.owner.token });
    const advanced = await rt.call('POST', `/api/challenges/${challengeId}/advance`, { token: cast.owner.token, body: { feedback: 'A strong field; thank you.' } });
    expect(advanced.status, JSON.stringify(advanced.body)).toBe(200);
    expect(advanced.body).toMatchObject({ status: 'open', phase: 1, deadline: phases[1]!.deadline, rubric: RUBRIC.map((c) => ({ ...c, scale: { min: 1, max: 5 } })) });

    expect((await rt.call('GET', `/api/bids/${bid.id}`, { token: cast.bidder.token })).body.status).toBe('submitted');
    const rejected = await rt.call('GET', `/api/bids/${rivalBid.id}`, { token: cast.rival.token });
    expect(rejected.body).toMatchObject({ status: 'rejected', feedback: 'A strong field; thank you.' });
    expect((await notificationsOf(rt, cast.bidder)).map((n) => n.kind)).toContain('phase-advanced');
    expect((await notificationsOf(rt, cast.rival)).find((n) => n.kind === 'bid-status')).toMatchObject({ bidStatus: 'rejected' });

    const revised = await rt.call('PATCH', `/api/bids/${bid.id}`, { token: cast.bidder.token, body: { summary: 'The full proposal, revised for phase two' } });
    expect(revised.status).toBe(200);
    expectError(await rt.call('POST', `/api/challenges/${challengeId}/bids`, { token: late.token, body: { summary: 'Arriving late to phase two', approach: 'Too late for the concept phase', price: { amount: 1 }, durationWeeks: 1 } }), 409);
    // The second phase scores on its own rubric.
    const reviewer = await register(rt, 'Dr Phase Two', ['researcher']);
    await rt.call('POST', `/api/challenges/${challengeId}/reviewers`, { token: cast.owner.token, body: { accountId: reviewer.id } });
    expect((await rt.call('PUT', `/api/bids/${bid.id}/scores`, { token: reviewer.token, body: [{ criterion: 'evidence', score: 4 }] })).body).toMatchObject({ phase: 1, weighted: 4 });

    expectError(await rt.call('POST', `/api/challenges/${challengeId}/advance`, { token: cast.owner.token, body: {} }), 409);
    rt.clock.advance(30 * DAY);
    const award = await rt.call('POST', `/api/challenges/${challengeId}/award`, { token: cast.owner.token, body: { bidId: bid.id } });
    expect(award.status, JSON.stringify(award.body)).toBe(200);
  });

  it('changes phases only on a draft, and takes an advance only with a shortlist that fits', async () => {
    const rt = await testRuntime();
    const cast = await registerCast(rt);
    const at = (days: number) => new Date(rt.clock.now().getTime() + days * DAY).toISOString();
    const phases = [
      { name: 'Concept', deadline: at(10), shortlistSize: 1 },
      { name: 'Prototype', deadline: at(30), shortlistSize: 1 },
    ];
    expectError(await rt.call('POST', '/api/challenges', { token: cast.owner.token, body: { title: 'No deadline', summary: 'Neither a deadline nor phases here', fields: ['ai'], reward: { amount: 1 } } }), 422);
    expectError(await rt.call('POST', '/api/challenges', { token: cast.owner.token, body: { title: 'Backwards', summary: 'Phases that end in the wrong order', fields: ['ai'], reward: { amount: 1 }, phases: [...phases].reverse() } }), 422);
    const challengeId = await publishChallenge(rt, cast.owner, { deadline: undefined, phases });
    expectError(await rt.call('PATCH', `/api/challenges/${challengeId}`, { token: cast.owner.token, body: { phases } }), 409);
    expectError(await rt.call('PATCH', `/api/challenges/${challengeId}`, { token: cast.owner.token, body: { deadline: at(31) } }), 409);
    expect((await rt.call('PATCH', `/api/challenges/${challengeId}`, { token: cast.owner.token, body: { deadline: at(12) } })).body.phases[0].deadline).toBe(at(12));
    const a = await submitBid(rt, cast.bidder, challengeId, 'A');
    const b = await submitBid(rt, cast.rival, challengeId, 'B');
    await rt.call('POST', `/api/challenges/${challengeId}/close`, { token: cast.owner.token });
    for (const id of [a.id, b.id]) await rt.call('POST', `/api/bids/${id}/shortlist`, { token: cast.owner.token });
    expectError(await rt.call('POST', `/api/challenges/${challengeId}/advance`, { token: cast.owner.token, body: {} }), 409);
  });
});
