import { describe, expect, it } from 'vitest';
import { testRuntime, type TestRuntime } from '../../support/runtime.js';
import {
  bidBody,
  challengeBody,
  createDraft,
  expectError,
  openMarket,
  publishChallenge,
  register,
  registerCast,
  submitBid,
  type Cast,
} from '../../support/scenario.js';

/**
 * Who may do what, route by route (PRODUCT.md §2 "Visibility"). Things a caller may not see answer 404
 * (their existence stays hidden); things a caller sees but may not change answer 403; no token where one
 * is needed answers 401.
 */

const CALLERS = ['anonymous', 'owner', 'otherEnterprise', 'bidder', 'rival'] as const;
type Caller = (typeof CALLERS)[number];

/** What `:id` (or `:bid`, `:question`) names: an open challenge with both bids, an open one with no bids yet, a draft, or nothing. */
type On = 'open' | 'fresh' | 'draft' | 'unknown' | '-';

interface Row {
  method: string;
  path: string;
  on: On;
  expected: Record<Caller, number>;
}

const row = (method: string, path: string, on: On, anonymous: number, owner: number, otherEnterprise: number, bidder: number, rival: number): Row => ({
  method,
  path,
  on,
  expected: { anonymous, owner, otherEnterprise, bidder, rival },
});

// `:id` is the challenge named by the third column, `:bid` the bidder's bid on the open challenge (the rival
// has one too), `:question` a question the rival asked on the open challenge.
//
//     method    path                                  :id       anon  owner  other  bidder  rival
const MATRIX: Row[] = [
  row('GET',    '/api/challenges',                    '-',       200,  200,   200,   200,    200),
  row('POST',   '/api/challenges',                    '-',       401,  201,   201,   403,    403),
  row('GET',    '/api/challenges/:id',                'open',    200,  200,   200,   200,    200),
  row('GET',    '/api/challenges/:id',                'draft',   404,  200,   404,   404,    404),
  row('PATCH',  '/api/challenges/:id',                'open',    401,  200,   403,   403,    403),
  row('PATCH',  '/api/challenges/:id',                'draft',   401,  200,   404,   404,    404),
  row('POST',   '/api/challenges/:id/publish',        'draft',   401,  200,   404,   404,    404),
  row('POST',   '/api/challenges/:id/close',          'open',    401,  200,   403,   403,    403),
  row('POST',   '/api/challenges/:id/close',          'draft',   401,  409,   404,   404,    404),
  row('POST',   '/api/challenges/:id/cancel',         'open',    401,  200,   403,   403,    403),
  row('POST',   '/api/challenges/:id/cancel',         'draft',   401,  200,   404,   404,    404),
  row('POST',   '/api/challenges/:id/award',          'open',    401,  200,   403,   403,    403),
  row('GET',    '/api/challenges/:id/bids',           'open',    401,  200,   403,   403,    403),
  row('GET',    '/api/challenges/:id/bids',           'draft',   401,  200,   404,   404,    404),
  row('POST',   '/api/challenges/:id/bids',           'fresh',   401,  403,   403,   201,    201),
  row('POST',   '/api/challenges/:id/bids',           'open',    401,  403,   403,   409,    409),
  row('POST',   '/api/challenges/:id/bids',           'draft',   401,  403,   403,   404,    404),
  row('GET',    '/api/bids/:bid',                     '-',       401,  200,   404,   200,    404),
  row('PATCH',  '/api/bids/:bid',                     '-',       401,  403,   404,   200,    404),
  row('POST',   '/api/bids/:bid/withdraw',            '-',       401,  403,   404,   200,    404),
  row('POST',   '/api/bids/:bid/shortlist',           '-',       401,  200,   404,   403,    404),
  row('POST',   '/api/bids/:bid/reject',              '-',       401,  200,   404,   403,    404),
  row('GET',    '/api/me/bids',                       '-',       401,  200,   200,   200,    200),
  row('GET',    '/api/challenges/:id/questions',      'open',    200,  200,   200,   200,    200),
  row('GET',    '/api/challenges/:id/questions',      'draft',   404,  200,   404,   404,    404),
  row('POST',   '/api/challenges/:id/questions',      'open',    401,  403,   201,   201,    201),
  row('POST',   '/api/challenges/:id/questions',      'draft',   401,  403,   404,   404,    404),
  row('POST',   '/api/questions/:question/answer',    '-',       401,  200,   403,   403,    403),
  row('PATCH',  '/api/challenges/:id',                'unknown', 401,  404,   404,   404,    404),
  row('POST',   '/api/challenges/:id/award',          'unknown', 401,  404,   404,   404,    404),
  row('GET',    '/api/challenges/:id/bids',           'unknown', 401,  404,   404,   404,    404),
  row('GET',    '/api/bids/:bid',                     'unknown', 401,  404,   404,   404,    404),
  row('POST',   '/api/questions/:question/answer',    'unknown', 401,  404,   404,   404,    404),
  row('GET',    '/api/awards',                        '-',       200,  200,   200,   200,    200),
  row('PUT',    '/api/me/saved/:id',                  'open',    401,  200,   200,   200,    200),
  row('PUT',    '/api/me/saved/:id',                  'draft',   401,  200,   404,   404,    404),
];

/** The request body each writing route is called with: valid, so only permissions decide the answer. */
function bodyFor(rt: TestRuntime, r: Row, world: World, caller: Caller): unknown {
  switch (`${r.method} ${r.path}`) {
    case 'POST /api/challenges':
      return challengeBody(rt.clock);
    case 'PATCH /api/challenges/:id':
      return { title: 'An edited title' };
    case 'POST /api/challenges/:id/award':
      return { bidId: world.bidId, note: 'Congratulations' };
    case 'POST /api/challenges/:id/bids':
      return bidBody(`matrix-${caller}`);
    case 'PATCH /api/bids/:bid':
      return { summary: 'A revised summary of the proposal' };
    case 'POST /api/bids/:bid/reject':
      return { feedback: 'Not this time' };
    case 'POST /api/challenges/:id/questions':
      return { text: 'Is a pilot-scale demo required?' };
    case 'POST /api/questions/:question/answer':
      return { answer: 'Yes, at 100 cm².' };
    default:
      return undefined;
  }
}

interface World {
  openId: string;
  freshId: string;
  draftId: string;
  bidId: string;
  rivalBidId: string;
  questionId: string;
}

/** An open challenge with a bid from the bidder and one from the rival and a question, an open one with no bids, a draft. */
async function buildWorld(rt: TestRuntime, cast: Cast): Promise<World> {
  const openId = await publishChallenge(rt, cast.owner);
  const freshId = await publishChallenge(rt, cast.owner, { title: 'A challenge nobody bid on yet' });
  const draftId = await createDraft(rt, cast.owner, { title: 'An unpublished plan' });
  const bid = await submitBid(rt, cast.bidder, openId, 'matrix-bidder');
  const rivalBid = await submitBid(rt, cast.rival, openId, 'matrix-rival');
  const question = await rt.call('POST', `/api/challenges/${openId}/questions`, { token: cast.rival.token, body: { text: 'What volume do you expect?' } });
  expect(question.status).toBe(201);
  return { openId, freshId, draftId, bidId: bid.id, rivalBidId: rivalBid.id, questionId: question.body.id };
}

function pathFor(r: Row, world: World): string {
  if (r.on === 'unknown') return r.path.replace(/:(id|bid|question)/, 'xyz_doesnotexist');
  const id = r.on === 'open' ? world.openId : r.on === 'fresh' ? world.freshId : r.on === 'draft' ? world.draftId : ':id';
  return r.path.replace(':id', id).replace(':bid', world.bidId).replace(':question', world.questionId);
}

const tokenOf = (cast: Cast, caller: Caller): string | undefined => (caller === 'anonymous' ? undefined : cast[caller].token);

describe('permission matrix: route × caller → status', () => {
  it.each(MATRIX)('$method $path ($on)', async (r) => {
    const rt = await testRuntime();
    const cast = await registerCast(rt);
    // A refusal changes nothing, so callers share a world until one of them succeeds in writing; the next
    // caller then gets a new one, and one caller's success cannot change another's answer.
    let world = await buildWorld(rt, cast);
    const got: Partial<Record<Caller, number>> = {};
    for (const caller of CALLERS) {
      const res = await rt.call(r.method, pathFor(r, world), { token: tokenOf(cast, caller), body: bodyFor(rt, r, world, caller) });
      got[caller] = res.status;
      if (res.status >= 400) expectError(res, res.status);
      else if (r.method !== 'GET') world = await buildWorld(rt, cast);
    }
    expect(got).toEqual(r.expected);
  });
});

describe('role and ownership rules', () => {
  it('nobody bids on, or asks about, their own challenge, even holding both roles (403)', async () => {
    const rt = await testRuntime();
    const both = await register(rt, 'Lab and Factory', ['enterprise', 'researcher']);
    const id = await publishChallenge(rt, both);
    const bid = await rt.call('POST', `/api/challenges/${id}/bids`, { token: both.token, body: bidBody('self') });
    expectError(bid, 403);
    expect(bid.body.error.message).toMatch(/own challenge/);
    expectError(await rt.call('POST', `/api/challenges/${id}/questions`, { token: both.token, body: { text: 'Asking myself?' } }), 403);
    // The same account bids on someone else's challenge.
    const other = await register(rt, 'Someone Else', ['enterprise']);
    const theirs = await publishChallenge(rt, other);
    await submitBid(rt, both, theirs, 'both-roles');
  });

  it('enterprise-only and researcher-only actions refuse the other role with 403 and say how to fix it', async () => {
    const rt = await testRuntime();
    const { owner, bidder } = await registerCast(rt);
    const id = await publishChallenge(rt, owner);
    const asResearcher = await rt.call('POST', '/api/challenges', { token: bidder.token, body: challengeBody(rt.clock) });
    expectError(asResearcher, 403);
    expect(asResearcher.body.error.message).toMatch(/enterprise/);
    const asEnterprise = await rt.call('POST', `/api/challenges/${id}/bids`, { token: owner.token, body: bidBody('x') });
    expectError(asEnterprise, 403);
    expect(asEnterprise.body.error.message).toMatch(/researcher/);

    // Adding the role through PATCH /api/me unlocks it.
    expect((await rt.call('PATCH', '/api/me', { token: bidder.token, body: { roles: ['researcher', 'enterprise'] } })).status).toBe(200);
    expect((await rt.call('POST', '/api/challenges', { token: bidder.token, body: challengeBody(rt.clock) })).status).toBe(201);
  });

  it('a revoked or malformed token is 401 everywhere, even on public routes', async () => {
    const rt = await testRuntime();
    const { owner } = await registerCast(rt);
    expect((await rt.call('POST', '/api/auth/logout', { token: owner.token })).status).toBe(200);
    for (const path of ['/api/challenges', '/api/awards', '/api/me']) {
      expectError(await rt.call('GET', path, { token: owner.token }), 401);
      expectError(await rt.call('GET', path, { headers: { authorization: 'Token abc' } }), 401);
    }
  });

  it("nobody cites another researcher's clipped paper, or marks another account's notifications read", async () => {
    const rt = await testRuntime();
    const cast = await registerCast(rt);
    const { challengeId, bid } = await openMarket(rt, cast);
    const paper = await rt.call('POST', '/api/me/papers', { token: cast.rival.token, body: { url: 'https://example.org/rival-paper', title: 'The rival private reading list entry' } });
    expect(paper.status).toBe(201);
    const cited = await rt.call('PATCH', `/api/bids/${bid.id}`, { token: cast.bidder.token, body: { paperIds: [paper.body.id] } });
    expectError(cited, 422);
    expect(JSON.stringify(cited.body)).not.toContain('rival private reading');
    expect((await rt.call('GET', `/api/bids/${bid.id}`, { token: cast.bidder.token })).body.revision).toBe(1);
    expectError(await rt.call('DELETE', `/api/me/papers/${paper.body.id}`, { token: cast.bidder.token }), 404);

    const ownerNotes = (await rt.call('GET', '/api/me/notifications', { token: cast.owner.token })).body;
    expect(ownerNotes.unread).toBe(2);
    const marked = await rt.call('POST', '/api/me/notifications/read', { token: cast.rival.token, body: { ids: ownerNotes.items.map((n: any) => n.id) } });
    expect(marked.status).toBe(200);
    expect(marked.body.updated).toBe(0);
    expect((await rt.call('GET', '/api/me/notifications', { token: cast.owner.token })).body.unread).toBe(2);
    expect((await rt.call('GET', `/api/challenges/${challengeId}/bids`, { token: cast.owner.token })).status).toBe(200);
  });

  it('drafts are listed and found only for their owner (owner=me); status=draft without it is refused', async () => {
    const rt = await testRuntime();
    const cast = await registerCast(rt);
    const draftId = await createDraft(rt, cast.owner, { title: 'Confidential graphene anode plan', keywords: ['graphene'] });
    const openId = await publishChallenge(rt, cast.owner, { title: 'Public graphene cathode call', keywords: ['graphene'] });

    for (const caller of CALLERS) {
      const token = tokenOf(cast, caller);
      for (const query of ['', '?q=graphene', '?q=Confidential', '?status=closed', '?sort=deadline', '?field=energy', '?limit=100']) {
        const res = await rt.call('GET', `/api/challenges${query}`, { token });
        expect(res.status).toBe(200);
        expect(JSON.stringify(res.body), `${caller} ${query}`).not.toContain(draftId);
      }
      expectError(await rt.call('GET', '/api/challenges?status=draft', { token }), 403);
    }
    const own = await rt.call('GET', '/api/challenges?owner=me', { token: cast.owner.token });
    expect(own.body.items.map((c: any) => c.id).sort()).toEqual([draftId, openId].sort());
    const ownDrafts = await rt.call('GET', '/api/challenges?owner=me&status=draft', { token: cast.owner.token });
    expect(ownDrafts.body.items.map((c: any) => c.id)).toEqual([draftId]);
    const othersOwn = await rt.call('GET', '/api/challenges?owner=me&status=draft', { token: cast.otherEnterprise.token });
    expect(othersOwn.body.items).toEqual([]);
    expectError(await rt.call('GET', '/api/challenges?owner=me'), 401);
  });
});

/**
 * The seal. A world where bids went through every state, then every response any outsider can get —
 * every list, search, view, notification, announcement and refusal — is searched for anything of a bid
 * they may not see: its id, texts, milestones, references, feedback, receipt hashes and price.
 */
describe('a bid is readable by its bidder and the challenge owner only, through any route', () => {
  interface Secret {
    label: string;
    value: string;
    /** Who may see it. */
    allowed: Caller[];
  }

  async function sealedWorld(rt: TestRuntime, cast: Cast) {
    const { owner, bidder, rival } = cast;
    // Everybody else follows words the draft and the bids contain (not their unique markers), so matches
    // and alerts would surface them if anything let them through.
    for (const p of [cast.otherEnterprise, bidder, rival]) {
      expect((await rt.call('PATCH', '/api/me', { token: p.token, body: { keywords: ['perovskite', 'barrier', 'plasma', 'alumina'], fields: ['energy', 'new-materials'] } })).status).toBe(200);
      expect((await rt.call('POST', '/api/me/subscriptions', { token: p.token, body: { keywords: 'perovskite, barrier, plasma', fields: ['energy'] } })).status).toBe(201);
    }
    // Challenge X: the bidder bids, revises, is shortlisted then rejected with feedback; the rival wins.
    const x = await publishChallenge(rt, owner, { title: 'Perovskite barrier film' });
    const bidX = await submitBid(rt, bidder, x, 'XB', { price: { amount: 123457.89, currency: 'CNY' } });
    rt.clock.advance(1000);
    const revisedX = await rt.call('PATCH', `/api/bids/${bidX.id}`, { token: bidder.token, body: { summary: 'Revised sealed summary zebraquartz', approach: 'Revised sealed approach with the plasma step xylophonic' } });
    expect(revisedX.status).toBe(200);
    const rivalX = await submitBid(rt, rival, x, 'XR');
    await rt.call('POST', `/api/bids/${bidX.id}/shortlist`, { token: owner.token });
    await rt.call('POST', `/api/bids/${bidX.id}/reject`, { token: owner.token, body: { feedback: 'Feedback for the bidder only quokkafeed' } });
    expect((await rt.call('POST', `/api/challenges/${x}/award`, { token: owner.token, body: { bidId: rivalX.id, note: 'Public note' } })).status).toBe(200);

    // Challenge Y: still open; the bidder has a live bid, the rival a withdrawn one; both saved it, both asked.
    const y = await publishChallenge(rt, owner, { title: 'Sodium battery anode' });
    const bidY = await submitBid(rt, bidder, y, 'YB', { price: { amount: 98765.43, currency: 'CNY' } });
    const rivalY = await submitBid(rt, rival, y, 'YR', { price: { amount: 55555.55, currency: 'CNY' } });
    await rt.call('POST', `/api/bids/${rivalY.id}/withdraw`, { token: rival.token });
    for (const p of [bidder, rival, cast.otherEnterprise]) await rt.call('PUT', `/api/me/saved/${y}`, { token: p.token });
    const q = await rt.call('POST', `/api/challenges/${y}/questions`, { token: bidder.token, body: { text: 'May we use our own pilot line?' } });
    await rt.call('POST', `/api/questions/${q.body.id}/answer`, { token: owner.token, body: { answer: 'Yes.' } });

    // Challenge Z: cancelled with the bidder's live bid on it.
    const z = await publishChallenge(rt, owner, { title: 'Cancelled membrane study' });
    const bidZ = await submitBid(rt, bidder, z, 'ZB');
    await rt.call('POST', `/api/challenges/${z}/cancel`, { token: owner.token });

    // A draft.
    const draft = await createDraft(rt, owner, { title: 'Secret perovskite draft narwhalplan' });

    const bidderOnly: Caller[] = ['owner', 'bidder'];
    const rivalOnly: Caller[] = ['owner', 'rival'];
    const secrets: Secret[] = [];
    const secretsOfBid = (bid: Record<string, any>, tag: string, allowed: Caller[], withId: boolean) => {
      if (withId) secrets.push({ label: `${tag} id`, value: bid.id, allowed });
      secrets.push(
        { label: `${tag} summary`, value: bid.summary, allowed },
        { label: `${tag} approach`, value: bid.approach, allowed },
        { label: `${tag} milestone`, value: bid.milestones[0].title, allowed },
        { label: `${tag} reference`, value: bid.references[0].title, allowed },
        { label: `${tag} receipt`, value: bid.receipt.sha256, allowed },
      );
    };
    secretsOfBid(bidX, 'bidder X rev 1', bidderOnly, true);
    secretsOfBid(revisedX.body, 'bidder X rev 2', bidderOnly, false);
    secrets.push({ label: 'bidder X price', value: '123457.89', allowed: bidderOnly });
    secrets.push({ label: 'bidder X feedback', value: 'quokkafeed', allowed: bidderOnly });
    // The winning bid: the announcement makes its winner, amount and id public; its content stays sealed.
    secretsOfBid(rivalX, 'rival X (winner)', rivalOnly, false);
    secretsOfBid(bidY, 'bidder Y', bidderOnly, true);
    secrets.push({ label: 'bidder Y price', value: '98765.43', allowed: bidderOnly });
    secretsOfBid(rivalY, 'rival Y (withdrawn)', rivalOnly, true);
    secrets.push({ label: 'rival Y price', value: '55555.55', allowed: rivalOnly });
    secretsOfBid(bidZ, 'bidder Z (cancelled)', bidderOnly, true);
    secrets.push({ label: 'draft id', value: draft, allowed: ['owner'] });
    secrets.push({ label: 'draft title', value: 'narwhalplan', allowed: ['owner'] });

    const bidIds = [bidX.id, rivalX.id, bidY.id, rivalY.id, bidZ.id];
    return { challenges: [x, y, z, draft], bidIds, secrets };
  }

  /** Every request an outsider could make that answers with data (or a refusal that might say too much). */
  function probes(world: { challenges: string[]; bidIds: string[] }): Array<{ method: string; path: string; body?: unknown }> {
    const gets = [
      '/api/challenges',
      '/api/challenges?limit=100',
      '/api/challenges?owner=me&limit=100',
      ...['open', 'closed', 'awarded', 'cancelled'].map((s) => `/api/challenges?status=${s}&limit=100`),
      ...['zebraquartz', 'xylophonic', 'quokkafeed', 'narwhalplan', 'Sealed proposal', 'barrier', 'Milestone', 'Reference', 'perovskite'].map((q) => `/api/challenges?q=${encodeURIComponent(q)}&status=${'open'}`),
      ...['zebraquartz', 'narwhalplan', 'Sealed'].flatMap((q) => ['closed', 'awarded', 'cancelled'].map((s) => `/api/challenges?q=${q}&status=${s}`)),
      '/api/awards',
      '/api/me',
      '/api/me/bids?limit=100',
      '/api/me/notifications?limit=100',
      '/api/me/saved?limit=100',
      '/api/me/papers',
      '/api/me/subscriptions',
      '/api/me/matches',
      '/api/fields',
      '/',
      '/?q=zebraquartz',
      '/?q=narwhalplan&lang=zh',
      '/awards',
      ...world.challenges.flatMap((id) => [`/api/challenges/${id}`, `/api/challenges/${id}/bids?limit=100`, `/api/challenges/${id}/questions?limit=100`, `/challenges/${id}`]),
      ...world.bidIds.map((id) => `/api/bids/${id}`),
    ];
    const writes = [
      ...world.challenges.map((id) => ({ method: 'PUT', path: `/api/me/saved/${id}` })),
      ...world.bidIds.flatMap((id) => [
        { method: 'PATCH', path: `/api/bids/${id}`, body: { summary: 'Trying to overwrite it' } },
        { method: 'POST', path: `/api/bids/${id}/withdraw` },
        { method: 'POST', path: `/api/bids/${id}/shortlist` },
        { method: 'POST', path: `/api/bids/${id}/reject`, body: { feedback: 'x' } },
      ]),
      ...world.challenges.map((id) => ({ method: 'POST', path: `/api/challenges/${id}/award`, body: { bidId: world.bidIds[0] } })),
    ];
    return [...gets.map((path) => ({ method: 'GET', path })), ...writes];
  }

  it('no outsider finds any trace of a sealed bid (or a draft) in any answer', async () => {
    const rt = await testRuntime();
    const cast = await registerCast(rt);
    const world = await sealedWorld(rt, cast);
    const requests = probes(world);
    const leaks: string[] = [];
    let checked = 0;
    for (const caller of CALLERS) {
      for (const { method, path, body } of requests) {
        const res = await rt.call(method, path, { token: tokenOf(cast, caller), body });
        expect(res.status, `${caller} ${method} ${path}`).toBeLessThan(500);
        let text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
        // What the caller put in the request (an id in the path, a search word) may be echoed back.
        for (const given of decodeURIComponent(path).split(/[/?&=\s]+/)) if (given.length > 3) text = text.split(given).join('<given>');
        for (const secret of world.secrets) {
          if (secret.allowed.includes(caller)) continue;
          checked++;
          if (text.includes(secret.value)) leaks.push(`${secret.label} → ${caller} via ${method} ${path} (${res.status})`);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(leaks).toEqual([]);
    // The scan looked at lists that had something in them.
    expect((await rt.call('GET', '/api/me/matches', { token: cast.rival.token })).body.items.length).toBeGreaterThan(0);
    expect((await rt.call('GET', '/api/me/notifications', { token: cast.otherEnterprise.token })).body.items.map((n: any) => n.kind)).toContain('match');
  });

  it('searching for words that occur only in bids finds nothing, for anyone', async () => {
    const rt = await testRuntime();
    const cast = await registerCast(rt);
    await sealedWorld(rt, cast);
    for (const caller of CALLERS) {
      for (const status of ['open', 'closed', 'awarded', 'cancelled']) {
        for (const q of ['zebraquartz', 'xylophonic', 'quokkafeed', 'atomic-layer', 'parylene']) {
          const res = await rt.call('GET', `/api/challenges?q=${q}&status=${status}`, { token: tokenOf(cast, caller) });
          expect(res.status).toBe(200);
          expect(res.body.items, `${caller} q=${q} status=${status}`).toEqual([]);
        }
      }
    }
  });

  it('the owner and the bidder do see it: bids list, bid view, my bids, notifications', async () => {
    const rt = await testRuntime();
    const cast = await registerCast(rt);
    const { owner, bidder, rival } = cast;
    const id = await publishChallenge(rt, owner);
    const bid = await submitBid(rt, bidder, id, 'visible');
    const rivalBid = await submitBid(rt, rival, id, 'visible-rival');

    const listed = await rt.call('GET', `/api/challenges/${id}/bids`, { token: owner.token });
    expect(listed.body.items.map((b: any) => b.id).sort()).toEqual([bid.id, rivalBid.id].sort());
    expect((await rt.call('GET', `/api/bids/${bid.id}`, { token: owner.token })).body.summary).toBe(bid.summary);
    expect((await rt.call('GET', `/api/bids/${bid.id}`, { token: bidder.token })).body.summary).toBe(bid.summary);
    expect((await rt.call('GET', '/api/me/bids', { token: bidder.token })).body.items.map((b: any) => b.id)).toEqual([bid.id]);
    expect((await rt.call('GET', '/api/me/bids', { token: rival.token })).body.items.map((b: any) => b.id)).toEqual([rivalBid.id]);
    expect((await rt.call('GET', `/api/challenges/${id}`, { token: bidder.token })).body.viewer).toEqual({ isOwner: false, saved: false, bidId: bid.id });
    expect((await rt.call('GET', `/api/challenges/${id}`, { token: rival.token })).body.viewer).toEqual({ isOwner: false, saved: false, bidId: rivalBid.id });
    expect((await rt.call('GET', `/api/challenges/${id}`)).body).not.toHaveProperty('viewer');
  });
});

describe('the bid count is sealed until the challenge closes', () => {
  type State = 'open' | 'withdrawn' | 'closed' | 'awarded' | 'cancelled';

  /** One challenge per state, each titled with a word of its own so a search finds exactly it. */
  async function countWorld(rt: TestRuntime, cast: Cast): Promise<Record<State, string>> {
    const post = async (path: string, token: string, body?: unknown) => expect((await rt.call('POST', path, { token, body })).status).toBe(200);
    const states: State[] = ['open', 'withdrawn', 'closed', 'awarded', 'cancelled'];
    const ids = {} as Record<State, string>;
    for (const state of states) {
      const id = await publishChallenge(rt, cast.owner, { title: `Tender opening probe ${state}word`, keywords: ['countprobe'] });
      ids[state] = id;
      const bid = await submitBid(rt, cast.bidder, id, `count-${state}`);
      if (state === 'withdrawn') await post(`/api/bids/${bid.id}/withdraw`, cast.bidder.token);
      else await submitBid(rt, cast.rival, id, `count-${state}-rival`);
      if (state === 'closed') await post(`/api/challenges/${id}/close`, cast.owner.token);
      if (state === 'awarded') await post(`/api/challenges/${id}/award`, cast.owner.token, { bidId: bid.id });
      if (state === 'cancelled') await post(`/api/challenges/${id}/cancel`, cast.owner.token);
    }
    return ids;
  }

  /** What each caller may read as the bid count, per state: a number, or null while sealed. */
  const EXPECTED: Record<State, Record<Caller, number | null>> = {
    open: { anonymous: null, owner: 2, otherEnterprise: null, bidder: null, rival: null },
    // Bid, then withdrawn: a count that went 0 → 1 → 0 would tell everyone somebody bid.
    withdrawn: { anonymous: null, owner: 0, otherEnterprise: null, bidder: null, rival: null },
    closed: { anonymous: 2, owner: 2, otherEnterprise: 2, bidder: 2, rival: 2 },
    awarded: { anonymous: 2, owner: 2, otherEnterprise: 2, bidder: 2, rival: 2 },
    // Cancelled while open: the bids were never opened.
    cancelled: { anonymous: null, owner: 2, otherEnterprise: null, bidder: null, rival: null },
  };

  it('lists, search, detail, saved and matches show it to the owner only while open, to everyone once closed', async () => {
    const rt = await testRuntime();
    const cast = await registerCast(rt);
    const ids = await countWorld(rt, cast);
    for (const caller of CALLERS) {
      const token = tokenOf(cast, caller);
      for (const [state, id] of Object.entries(ids) as [State, string][]) {
        const want = EXPECTED[state][caller];
        const where = `${caller} · ${state}`;
        const status = state === 'withdrawn' ? 'open' : state;
        const detail = await rt.call('GET', `/api/challenges/${id}`, { token });
        expect(detail.body.counters.bids, `${where} · detail`).toBe(want);
        const listed = await rt.call('GET', `/api/challenges?status=${status}&limit=100`, { token });
        expect(listed.body.items.find((c: any) => c.id === id)?.counters.bids, `${where} · list`).toBe(want);
        const found = await rt.call('GET', `/api/challenges?q=${state}word&status=${status}`, { token });
        expect(found.body.items.map((c: any) => [c.id, c.counters.bids]), `${where} · search`).toEqual([[id, want]]);
        const sorted = await rt.call('GET', `/api/challenges?q=countprobe&status=${status}&sort=deadline`, { token });
        expect(sorted.body.items.find((c: any) => c.id === id)?.counters.bids, `${where} · search by deadline`).toBe(want);
        if (token) {
          expect((await rt.call('PUT', `/api/me/saved/${id}`, { token })).status).toBe(200);
          const saved = await rt.call('GET', '/api/me/saved?limit=100', { token });
          expect(saved.body.items.find((s: any) => s.challenge.id === id)?.challenge.counters.bids, `${where} · saved`).toBe(want);
        }
      }
      if (caller === 'rival' || caller === 'bidder') {
        const matches = await rt.call('GET', '/api/me/matches?limit=100', { token });
        for (const match of matches.body.items) {
          if (match.challenge.status === 'open') expect(match.challenge.counters.bids, `${caller} · matches`).toBeNull();
        }
      }
    }
  });

  it('the board says the bids are sealed on an open challenge and counts them once it has closed', async () => {
    const rt = await testRuntime();
    const cast = await registerCast(rt);
    const ids = await countWorld(rt, cast);
    const page = async (state: State) => (await rt.call('GET', `/challenges/${ids[state]}?lang=en`)).body as string;
    expect(await page('open')).toContain('bids sealed until it closes');
    expect(await page('open')).not.toMatch(/\d sealed bids?/);
    expect(await page('withdrawn')).not.toMatch(/\d sealed bids?/);
    expect(await page('closed')).toContain('2 sealed bids');
    expect(await page('awarded')).toContain('2 sealed bids');
    expect((await rt.call('GET', `/challenges/${ids.open}?lang=zh`)).body).toContain('截止前投标数保密');
  });

  it("names no bidder in public before the award, and the winner after it", async () => {
    const rt = await testRuntime();
    const cast = await registerCast(rt);
    const ids = await countWorld(rt, cast);
    for (const state of ['open', 'closed', 'cancelled'] as const) {
      const text = JSON.stringify((await rt.call('GET', `/api/challenges/${ids[state]}`, { token: cast.otherEnterprise.token })).body);
      expect(text, state).not.toContain('Dr Bidder');
      expect(text, state).not.toContain('Dr Rival');
    }
    const awarded = (await rt.call('GET', `/api/challenges/${ids.awarded}`)).body;
    expect(awarded.award.winner.displayName).toBe('Dr Bidder');
    expect(JSON.stringify(awarded)).not.toContain('Dr Rival');
  });
});
