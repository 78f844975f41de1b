import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { receiptPreimage } from '../../../shared/receipt.js';
import type { BidContent } from '../../../shared/schemas/bid.js';
import { DAY, HOUR } from '../../support/fake-clock.js';
import { testRuntime, type TestRuntime } from '../../support/runtime.js';
import {
  createDraft,
  expectError,
  notificationsOf,
  openMarket,
  publishChallenge,
  register,
  registerCast,
  submitBid,
  bidBody,
  challengeBody,
  type Person,
} from '../../support/scenario.js';

/**
 * The challenge and bid lifecycles of PRODUCT.md §2, through the HTTP API: every legal transition, every
 * illegal one answered 409, the receipts, and the notification rows each step records.
 */

const get = (rt: TestRuntime, path: string, who?: Person) => rt.call('GET', path, { token: who?.token });
const post = (rt: TestRuntime, path: string, who: Person, body?: unknown) => rt.call('POST', path, { token: who.token, body });
const patch = (rt: TestRuntime, path: string, who: Person, body: unknown) => rt.call('PATCH', path, { token: who.token, body });

/** What a receipt covers, taken from a bid as the API returns it. */
function contentOf(bid: Record<string, any>): BidContent {
  return {
    challengeId: bid.challengeId,
    bidderId: bid.bidderId,
    summary: bid.summary,
    approach: bid.approach,
    price: bid.price,
    durationWeeks: bid.durationWeeks,
    milestones: bid.milestones,
    references: bid.references,
  };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Brings a fresh challenge of `owner` to `status` the legal way. */
async function challengeIn(rt: TestRuntime, owner: Person, bidder: Person, status: 'draft' | 'open' | 'closed' | 'awarded' | 'cancelled') {
  if (status === 'draft') return { id: await createDraft(rt, owner), bidId: null as string | null };
  const id = await publishChallenge(rt, owner);
  const bid = await submitBid(rt, bidder, id, `state-${status}`);
  if (status === 'closed') expect((await post(rt, `/api/challenges/${id}/close`, owner)).status).toBe(200);
  if (status === 'awarded') expect((await post(rt, `/api/challenges/${id}/award`, owner, { bidId: bid.id })).status).toBe(200);
  if (status === 'cancelled') expect((await post(rt, `/api/challenges/${id}/cancel`, owner)).status).toBe(200);
  return { id, bidId: bid.id as string | null };
}

describe('challenge lifecycle: legal transitions', () => {
  it('draft → open by publishing: publishedAt is set and it is listed publicly', async () => {
    const rt = await testRuntime();
    const { owner } = await registerCast(rt);
    const id = await createDraft(rt, owner);
    expect((await get(rt, `/api/challenges/${id}`, owner)).body).toMatchObject({ status: 'draft', publishedAt: null });

    const res = await post(rt, `/api/challenges/${id}/publish`, owner);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'open', publishedAt: rt.clock.now().toISOString() });
    expect((await get(rt, '/api/challenges')).body.items.map((c: any) => c.id)).toContain(id);
  });

  it('open → closed by the owner', async () => {
    const rt = await testRuntime();
    const { owner } = await registerCast(rt);
    const id = await publishChallenge(rt, owner);
    rt.clock.advance(HOUR);
    const res = await post(rt, `/api/challenges/${id}/close`, owner);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'closed', closedAt: rt.clock.now().toISOString() });
    expect((await get(rt, `/api/challenges/${id}`)).body.status).toBe('closed');
  });

  it('open → closed when the deadline passes: the read says closed with no write, lists agree', async () => {
    const rt = await testRuntime();
    const { owner } = await registerCast(rt);
    const id = await publishChallenge(rt, owner, { deadline: new Date(rt.clock.now().getTime() + 2 * DAY).toISOString() });
    const stored = await rt.store.tables.challenges.get(id);

    rt.clock.advance(2 * DAY - 1);
    expect((await get(rt, `/api/challenges/${id}`)).body.status).toBe('open');
    rt.clock.advance(1);
    const deadline = stored!.deadline;
    expect((await get(rt, `/api/challenges/${id}`)).body).toMatchObject({ status: 'closed', closedAt: deadline });
    expect((await get(rt, `/api/challenges/${id}`, owner)).body).toMatchObject({ status: 'closed', closedAt: deadline });
    // Reading did not write: the stored row is as it was (equal, not the same object: PostgreSQL reads anew), still saying open.
    expect(await rt.store.tables.challenges.get(id)).toEqual(stored);
    expect(stored?.status).toBe('open');

    expect((await get(rt, '/api/challenges')).body.items.map((c: any) => c.id)).not.toContain(id);
    expect((await get(rt, '/api/challenges?status=closed')).body.items).toEqual([expect.objectContaining({ id, status: 'closed', closedAt: deadline })]);

    // The background upkeep persisting the closure changes nothing a reader sees.
    const before = (await get(rt, `/api/challenges/${id}`, owner)).body;
    expect(await rt.services.challenges.closeExpired()).toBe(1);
    expect((await rt.store.tables.challenges.get(id))?.status).toBe('closed');
    expect((await get(rt, `/api/challenges/${id}`, owner)).body).toEqual(before);
  });

  it.each(['open', 'closed by owner', 'closed by deadline'] as const)('%s → awarded', async (from) => {
    const rt = await testRuntime();
    const { owner, bidder } = await registerCast(rt);
    const id = await publishChallenge(rt, owner);
    const bid = await submitBid(rt, bidder, id, 'winner');
    if (from === 'closed by owner') expect((await post(rt, `/api/challenges/${id}/close`, owner)).status).toBe(200);
    if (from === 'closed by deadline') rt.clock.advance(31 * DAY);
    if (from !== 'open') expect((await get(rt, `/api/challenges/${id}`)).body.status).toBe('closed');

    const res = await post(rt, `/api/challenges/${id}/award`, owner, { bidId: bid.id, note: 'Great work' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('awarded');
    expect(res.body.award).toMatchObject({ bidId: bid.id, winner: { id: bidder.id, displayName: bidder.displayName }, note: 'Great work' });
    expect((await get(rt, `/api/challenges/${id}`)).body.status).toBe('awarded');
  });

  it.each(['draft', 'open', 'closed'] as const)('%s → cancelled', async (from) => {
    const rt = await testRuntime();
    const { owner, bidder } = await registerCast(rt);
    const { id } = await challengeIn(rt, owner, bidder, from);
    const res = await post(rt, `/api/challenges/${id}/cancel`, owner);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('cancelled');
    expect((await get(rt, `/api/challenges/${id}`, owner)).body.status).toBe('cancelled');
  });

  it('a challenge whose deadline passed is cancellable (it is closed)', async () => {
    const rt = await testRuntime();
    const { owner } = await registerCast(rt);
    const id = await publishChallenge(rt, owner);
    rt.clock.advance(40 * DAY);
    expect((await post(rt, `/api/challenges/${id}/cancel`, owner)).body.status).toBe('cancelled');
  });
});

describe('challenge lifecycle: illegal transitions are 409', () => {
  // [what, the status it is in, the request]
  const illegal: Array<[string, 'draft' | 'open' | 'closed' | 'awarded' | 'cancelled', (id: string, bidId: string | null) => [string, string, unknown?]]> = [
    ['publish twice', 'open', (id) => ['POST', `/api/challenges/${id}/publish`]],
    ['publish a closed one', 'closed', (id) => ['POST', `/api/challenges/${id}/publish`]],
    ['publish an awarded one', 'awarded', (id) => ['POST', `/api/challenges/${id}/publish`]],
    ['publish a cancelled one', 'cancelled', (id) => ['POST', `/api/challenges/${id}/publish`]],
    ['close a draft', 'draft', (id) => ['POST', `/api/challenges/${id}/close`]],
    ['close twice', 'closed', (id) => ['POST', `/api/challenges/${id}/close`]],
    ['close an awarded one', 'awarded', (id) => ['POST', `/api/challenges/${id}/close`]],
    ['close a cancelled one', 'cancelled', (id) => ['POST', `/api/challenges/${id}/close`]],
    ['award a draft', 'draft', (id) => ['POST', `/api/challenges/${id}/award`, { bidId: 'bid_whatever00' }]],
    ['award a cancelled one', 'cancelled', (id, bidId) => ['POST', `/api/challenges/${id}/award`, { bidId }]],
    ['award twice', 'awarded', (id, bidId) => ['POST', `/api/challenges/${id}/award`, { bidId }]],
    ['cancel an awarded one', 'awarded', (id) => ['POST', `/api/challenges/${id}/cancel`]],
    ['cancel twice', 'cancelled', (id) => ['POST', `/api/challenges/${id}/cancel`]],
    ['edit a closed one', 'closed', (id) => ['PATCH', `/api/challenges/${id}`, { title: 'A new title' }]],
    ['edit an awarded one', 'awarded', (id) => ['PATCH', `/api/challenges/${id}`, { title: 'A new title' }]],
    ['edit a cancelled one', 'cancelled', (id) => ['PATCH', `/api/challenges/${id}`, { title: 'A new title' }]],
    ['shortlist on an awarded one', 'awarded', (_id, bidId) => ['POST', `/api/bids/${bidId}/shortlist`]],
    ['reject on a cancelled one', 'cancelled', (_id, bidId) => ['POST', `/api/bids/${bidId}/reject`, { feedback: 'no' }]],
  ];

  it.each(illegal)('%s (from %s) → 409', async (_what, status, request) => {
    const rt = await testRuntime();
    const { owner, bidder } = await registerCast(rt);
    const { id, bidId } = await challengeIn(rt, owner, bidder, status);
    const before = (await get(rt, `/api/challenges/${id}`, owner)).body;
    const [method, path, body] = request(id, bidId);
    expectError(await rt.call(method, path, { token: owner.token, body }), 409);
    // Nothing changed.
    expect((await get(rt, `/api/challenges/${id}`, owner)).body).toEqual(before);
  });

  it.each([
    ['closed by the owner', async (rt: TestRuntime, id: string, owner: Person) => void (await post(rt, `/api/challenges/${id}/close`, owner))],
    ['past its deadline', async (rt: TestRuntime) => rt.clock.advance(30 * DAY)],
    ['awarded', async (rt: TestRuntime, id: string, owner: Person, bidId: string) => void (await post(rt, `/api/challenges/${id}/award`, owner, { bidId }))],
    ['cancelled', async (rt: TestRuntime, id: string, owner: Person) => void (await post(rt, `/api/challenges/${id}/cancel`, owner))],
  ])('a bid on a challenge %s → 409, and so are revising, withdrawing, asking and editing (even extending the deadline)', async (_what, makeState) => {
    const rt = await testRuntime();
    const { owner, bidder, rival } = await registerCast(rt);
    const id = await publishChallenge(rt, owner);
    const early = await submitBid(rt, bidder, id, 'early');
    await makeState(rt, id, owner, early.id);
    expectError(await post(rt, `/api/challenges/${id}/bids`, rival, bidBody('late')), 409);
    expectError(await post(rt, `/api/challenges/${id}/questions`, rival, { text: 'Is it too late to ask?' }), 409);
    expectError(await patch(rt, `/api/challenges/${id}`, owner, { deadline: new Date(rt.clock.now().getTime() + 60 * DAY).toISOString() }), 409);
    if ((await get(rt, `/api/bids/${early.id}`, bidder)).body.status === 'submitted') {
      expectError(await patch(rt, `/api/bids/${early.id}`, bidder, { summary: 'A late change of mind' }), 409);
      expectError(await post(rt, `/api/bids/${early.id}/withdraw`, bidder), 409);
    }
    expect((await get(rt, `/api/challenges/${id}/bids`, owner)).body.items.map((b: any) => b.id)).toEqual([early.id]);
  });

  it('a bid on a draft is 404 to researchers: drafts are invisible to everyone but their owner', async () => {
    const rt = await testRuntime();
    const { owner, bidder } = await registerCast(rt);
    const id = await createDraft(rt, owner);
    expectError(await post(rt, `/api/challenges/${id}/bids`, bidder, bidBody('draft')), 404);
  });

  it('a bid at exactly the deadline is refused; a millisecond before it is accepted', async () => {
    const rt = await testRuntime();
    const { owner, bidder, rival } = await registerCast(rt);
    const id = await publishChallenge(rt, owner, { deadline: new Date(rt.clock.now().getTime() + DAY).toISOString() });
    rt.clock.advance(DAY - 1);
    await submitBid(rt, bidder, id, 'just-in-time');
    rt.clock.advance(1);
    expectError(await post(rt, `/api/challenges/${id}/bids`, rival, bidBody('too-late')), 409);
  });

  it('publishing with a deadline that passed while it was a draft → 409; extending it first makes it publishable', async () => {
    const rt = await testRuntime();
    const { owner } = await registerCast(rt);
    const id = await createDraft(rt, owner, { deadline: new Date(rt.clock.now().getTime() + DAY).toISOString() });
    rt.clock.advance(2 * DAY);
    expectError(await post(rt, `/api/challenges/${id}/publish`, owner), 409);
    expect((await get(rt, `/api/challenges/${id}`, owner)).body.status).toBe('draft');

    const later = new Date(rt.clock.now().getTime() + 10 * DAY).toISOString();
    expect((await patch(rt, `/api/challenges/${id}`, owner, { deadline: later })).status).toBe(200);
    expect((await post(rt, `/api/challenges/${id}/publish`, owner)).body.status).toBe('open');
  });

  it('creating or moving a deadline into the past → 422', async () => {
    const rt = await testRuntime();
    const { owner } = await registerCast(rt);
    const past = new Date(rt.clock.now().getTime() - HOUR).toISOString();
    expectError(await rt.call('POST', '/api/challenges', { token: owner.token, body: challengeBody(rt.clock, { deadline: past }) }), 422);
    const id = await createDraft(rt, owner);
    expectError(await patch(rt, `/api/challenges/${id}`, owner, { deadline: past }), 422);
  });
});

describe('editing an open challenge keeps faith with its bidders', () => {
  it('drafts change freely, including reward down and terms', async () => {
    const rt = await testRuntime();
    const { owner } = await registerCast(rt);
    const id = await createDraft(rt, owner);
    const res = await patch(rt, `/api/challenges/${id}`, owner, { reward: { amount: 1000, currency: 'USD' }, type: 'ideation', ipTerms: 'equity', title: 'Renamed draft' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reward: { amount: 1000, currency: 'USD' }, type: 'ideation', ipTerms: 'equity', title: 'Renamed draft' });
  });

  it('the reward only goes up, in the same currency', async () => {
    const rt = await testRuntime();
    const { owner } = await registerCast(rt);
    const id = await publishChallenge(rt, owner, { reward: { amount: 200000, currency: 'CNY' } });
    expectError(await patch(rt, `/api/challenges/${id}`, owner, { reward: { amount: 199999.99, currency: 'CNY' } }), 409);
    expectError(await patch(rt, `/api/challenges/${id}`, owner, { reward: { amount: 900000, currency: 'USD' } }), 409);
    expect((await patch(rt, `/api/challenges/${id}`, owner, { reward: { amount: 250000, currency: 'CNY' } })).body.reward).toEqual({ amount: 250000, currency: 'CNY' });
    expect((await get(rt, `/api/challenges/${id}`)).body.reward.amount).toBe(250000);
  });

  it('the deadline only moves later', async () => {
    const rt = await testRuntime();
    const { owner } = await registerCast(rt);
    const deadline = rt.clock.now().getTime() + 30 * DAY;
    const id = await publishChallenge(rt, owner, { deadline: new Date(deadline).toISOString() });
    expectError(await patch(rt, `/api/challenges/${id}`, owner, { deadline: new Date(deadline - HOUR).toISOString() }), 409);
    const later = new Date(deadline + 7 * DAY).toISOString();
    expect((await patch(rt, `/api/challenges/${id}`, owner, { deadline: later })).body.deadline).toBe(later);
  });

  it('type and IP terms change until the first bid arrives, then are fixed (409)', async () => {
    const rt = await testRuntime();
    const { owner, bidder } = await registerCast(rt);
    const id = await publishChallenge(rt, owner, { type: 'prototype', ipTerms: 'exclusive-license' });
    expect((await patch(rt, `/api/challenges/${id}`, owner, { type: 'theoretical' })).body.type).toBe('theoretical');
    await submitBid(rt, bidder, id, 'terms');
    expectError(await patch(rt, `/api/challenges/${id}`, owner, { type: 'rfp' }), 409);
    expectError(await patch(rt, `/api/challenges/${id}`, owner, { ipTerms: 'assignment' }), 409);
    // Repeating the current values and changing other texts is fine.
    const ok = await patch(rt, `/api/challenges/${id}`, owner, { type: 'theoretical', ipTerms: 'exclusive-license', summary: 'A clearer summary of the same problem.' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ type: 'theoretical', ipTerms: 'exclusive-license', summary: 'A clearer summary of the same problem.' });
  });
});

describe('bid lifecycle', () => {
  it('submit: a receipt that is the SHA-256 of receiptPreimage(content, receivedAt); the owner is notified', async () => {
    const rt = await testRuntime();
    const { owner, bidder } = await registerCast(rt);
    const id = await publishChallenge(rt, owner);
    const bid = await submitBid(rt, bidder, id, 'receipt');
    expect(bid).toMatchObject({ status: 'submitted', revision: 1, history: [], challengeId: id, bidderId: bidder.id, feedback: null });
    expect(bid.receipt).toMatchObject({ revision: 1, receivedAt: rt.clock.now().toISOString() });
    expect(bid.receipt.sha256).toBe(sha256(receiptPreimage(contentOf(bid), bid.receipt.receivedAt)));
    // The receipt changes with any byte of content.
    expect(bid.receipt.sha256).not.toBe(sha256(receiptPreimage({ ...contentOf(bid), summary: `${bid.summary}.` }, bid.receipt.receivedAt)));

    const toOwner = await notificationsOf(rt, owner);
    expect(toOwner).toEqual([expect.objectContaining({ kind: 'bid-received', challengeId: id, bidId: bid.id, read: false })]);
    expect((await get(rt, `/api/challenges/${id}`, owner)).body.counters.bids).toBe(1);
  });

  it('revise: a new revision and receipt, the previous one kept in history with its own receipt', async () => {
    const rt = await testRuntime();
    const { owner, bidder } = await registerCast(rt);
    const id = await publishChallenge(rt, owner);
    const first = await submitBid(rt, bidder, id, 'v1');
    rt.clock.advance(HOUR);

    const res = await patch(rt, `/api/bids/${first.id}`, bidder, { summary: 'Revised proposal: thinner barrier', price: { amount: 140000.5, currency: 'CNY' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const second = res.body;
    expect(second).toMatchObject({ id: first.id, revision: 2, status: 'submitted', summary: 'Revised proposal: thinner barrier', approach: first.approach, price: { amount: 140000.5, currency: 'CNY' } });
    expect(second.receipt).toMatchObject({ revision: 2, receivedAt: rt.clock.now().toISOString() });
    expect(second.receipt.sha256).not.toBe(first.receipt.sha256);
    expect(second.receipt.sha256).toBe(sha256(receiptPreimage(contentOf(second), second.receipt.receivedAt)));
    expect(second.history).toHaveLength(1);
    expect(second.history[0]).toMatchObject({ revision: 1, receipt: first.receipt, summary: first.summary, price: first.price, references: first.references });

    rt.clock.advance(HOUR);
    const third = (await patch(rt, `/api/bids/${first.id}`, bidder, { durationWeeks: 10 })).body;
    expect(third.revision).toBe(3);
    expect(third.history.map((h: any) => h.revision)).toEqual([1, 2]);
    expect(third.history[1].receipt).toEqual(second.receipt);
    // The owner reads the same current revision.
    expect((await get(rt, `/api/bids/${first.id}`, owner)).body).toMatchObject({ revision: 3, durationWeeks: 10 });
    // An empty revision is refused rather than issuing a receipt for nothing.
    const empty = await rt.call('PATCH', `/api/bids/${first.id}`, { token: bidder.token, body: {} });
    expect(empty.status).toBe(422);
    expect((await get(rt, `/api/bids/${first.id}`, bidder)).body.revision).toBe(3);
  });

  it('withdraw: one live bid per researcher per challenge (409) until the first is withdrawn', async () => {
    const rt = await testRuntime();
    const { owner, bidder } = await registerCast(rt);
    const id = await publishChallenge(rt, owner);
    const first = await submitBid(rt, bidder, id, 'one');
    const second = await post(rt, `/api/challenges/${id}/bids`, bidder, bidBody('two'));
    expectError(second, 409);
    expect(second.body.error.details).toMatchObject({ bidId: first.id });

    const withdrawn = await post(rt, `/api/bids/${first.id}/withdraw`, bidder);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expectError(await post(rt, `/api/bids/${first.id}/withdraw`, bidder), 409);
    expectError(await patch(rt, `/api/bids/${first.id}`, bidder, { summary: 'Back from the dead?' }), 409);
    expect((await get(rt, `/api/challenges/${id}`, owner)).body.counters.bids).toBe(0);

    const again = await submitBid(rt, bidder, id, 'three');
    expect(again.id).not.toBe(first.id);
    expect((await get(rt, `/api/challenges/${id}`, bidder)).body.viewer).toMatchObject({ bidId: again.id });
  });

  it('shortlist, then reject with feedback: the bidder sees each status and the feedback', async () => {
    const rt = await testRuntime();
    const { owner, bidder } = await registerCast(rt);
    const id = await publishChallenge(rt, owner);
    const bid = await submitBid(rt, bidder, id, 'eval');

    expect((await post(rt, `/api/bids/${bid.id}/shortlist`, owner)).body.status).toBe('shortlisted');
    expectError(await post(rt, `/api/bids/${bid.id}/shortlist`, owner), 409);
    expectError(await patch(rt, `/api/bids/${bid.id}`, bidder, { summary: 'Can I still change it?' }), 409);

    const rejected = await post(rt, `/api/bids/${bid.id}/reject`, owner, { feedback: 'Too costly for our pilot line' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', feedback: 'Too costly for our pilot line' });
    expect((await get(rt, `/api/bids/${bid.id}`, bidder)).body).toMatchObject({ status: 'rejected', feedback: 'Too costly for our pilot line' });
    expectError(await post(rt, `/api/bids/${bid.id}/reject`, owner, { feedback: 'again' }), 409);
    expectError(await post(rt, `/api/bids/${bid.id}/withdraw`, bidder), 409);
    expectError(await post(rt, `/api/challenges/${id}/award`, owner, { bidId: bid.id }), 409);

    const statuses = (await notificationsOf(rt, bidder)).filter((n) => n.kind === 'bid-status').map((n) => n.bidStatus);
    expect(statuses.sort()).toEqual(['rejected', 'shortlisted']);
  });

  it('award: the winner is awarded, other live bids rejected, every bidder told, the announcement public', async () => {
    const rt = await testRuntime();
    const cast = await registerCast(rt);
    const { owner, bidder, rival } = cast;
    const third = await register(rt, 'Dr Third', ['researcher']);
    const quitter = await register(rt, 'Dr Quitter', ['researcher']);
    const { challengeId: id, bid, rivalBid } = await openMarket(rt, cast);
    const thirdBid = await submitBid(rt, third, id, 'third');
    const quitterBid = await submitBid(rt, quitter, id, 'quitter');
    await post(rt, `/api/bids/${quitterBid.id}/withdraw`, quitter);
    await post(rt, `/api/bids/${rivalBid.id}/shortlist`, owner);
    rt.clock.advance(DAY);

    const res = await post(rt, `/api/challenges/${id}/award`, owner, { bidId: bid.id, note: 'Best barrier data' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'awarded', award: { bidId: bid.id, amount: bid.price, note: 'Best barrier data', awardedAt: rt.clock.now().toISOString() } });

    const statusOf = async (b: { id: string }) => (await get(rt, `/api/bids/${b.id}`, owner)).body.status;
    expect(await statusOf(bid)).toBe('awarded');
    expect(await statusOf(rivalBid)).toBe('rejected');
    expect(await statusOf(thirdBid)).toBe('rejected');
    expect(await statusOf(quitterBid)).toBe('withdrawn');

    const awardNote = (n: Record<string, any>) => n.challengeId === id && (n.kind === 'award' || n.kind === 'bid-status') && n.createdAt === rt.clock.now().toISOString();
    expect((await notificationsOf(rt, bidder)).filter(awardNote)).toEqual([expect.objectContaining({ kind: 'award', bidId: bid.id, bidStatus: 'awarded' })]);
    expect((await notificationsOf(rt, rival)).filter(awardNote)).toEqual([expect.objectContaining({ kind: 'bid-status', bidId: rivalBid.id, bidStatus: 'rejected' })]);
    expect((await notificationsOf(rt, third)).filter(awardNote)).toEqual([expect.objectContaining({ kind: 'bid-status', bidId: thirdBid.id, bidStatus: 'rejected' })]);
    expect((await notificationsOf(rt, quitter)).filter(awardNote)).toEqual([]);

    const awards = await get(rt, '/api/awards');
    expect(awards.status).toBe(200);
    expect(awards.body.items).toEqual([
      {
        challengeId: id,
        challengeTitle: expect.any(String),
        fields: ['new-materials', 'energy'],
        enterprise: { id: owner.id, displayName: owner.displayName, organization: owner.organization },
        winner: { id: bidder.id, displayName: bidder.displayName, organization: bidder.organization },
        amount: bid.price,
        note: 'Best barrier data',
        awardedAt: rt.clock.now().toISOString(),
      },
    ]);
    expect((await get(rt, '/api/challenges?status=awarded')).body.items.map((c: any) => c.id)).toEqual([id]);
  });

  it('a bid from another challenge, or a withdrawn one, cannot be awarded', async () => {
    const rt = await testRuntime();
    const cast = await registerCast(rt);
    const a = await openMarket(rt, cast, 'a');
    const b = await openMarket(rt, cast, 'b');
    expectError(await post(rt, `/api/challenges/${a.challengeId}/award`, cast.owner, { bidId: b.bid.id }), 404);
    expectError(await post(rt, `/api/challenges/${a.challengeId}/award`, cast.owner, { bidId: 'bid_nosuchbid00' }), 404);
    await post(rt, `/api/bids/${a.bid.id}/withdraw`, cast.bidder);
    expectError(await post(rt, `/api/challenges/${a.challengeId}/award`, cast.owner, { bidId: a.bid.id }), 409);
    expect((await get(rt, `/api/challenges/${a.challengeId}`)).body.status).toBe('open');
  });
});

describe('notification rows', () => {
  it('question → owner, answer → asker (once, not on a corrected answer)', async () => {
    const rt = await testRuntime();
    const { owner, bidder } = await registerCast(rt);
    const id = await publishChallenge(rt, owner);
    const asked = await post(rt, `/api/challenges/${id}/questions`, bidder, { text: 'Which humidity level exactly?' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ text: 'Which humidity level exactly?', answer: null, mine: true });
    expect((await notificationsOf(rt, owner)).filter((n) => n.kind === 'question')).toEqual([expect.objectContaining({ challengeId: id, questionId: asked.body.id })]);

    expect((await post(rt, `/api/questions/${asked.body.id}/answer`, owner, { answer: '85 % RH at 85 °C' })).status).toBe(200);
    expect((await post(rt, `/api/questions/${asked.body.id}/answer`, owner, { answer: '85 % RH at 85 °C, 1000 h' })).status).toBe(200);
    expect((await notificationsOf(rt, bidder)).filter((n) => n.kind === 'answer')).toEqual([expect.objectContaining({ challengeId: id, questionId: asked.body.id })]);
    const listed = await get(rt, `/api/challenges/${id}/questions`);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: asked.body.id, answer: '85 % RH at 85 °C, 1000 h' })]);
    expect(listed.body.items[0]).not.toHaveProperty('askerId');
    expect((await get(rt, `/api/challenges/${id}`)).body.counters.questions).toBe(1);
  });

  it('cancel → every live bidder and every saver, once each; not withdrawn bidders, not the owner', async () => {
    const rt = await testRuntime();
    const cast = await registerCast(rt);
    const { owner, bidder, rival } = cast;
    const saver = await register(rt, 'Dr Saver', ['researcher']);
    const quitter = await register(rt, 'Dr Quitter', ['researcher']);
    const { challengeId: id } = await openMarket(rt, cast);
    const quit = await submitBid(rt, quitter, id, 'quit');
    await post(rt, `/api/bids/${quit.id}/withdraw`, quitter);
    expect((await rt.call('PUT', `/api/me/saved/${id}`, { token: saver.token })).status).toBe(200);
    expect((await rt.call('PUT', `/api/me/saved/${id}`, { token: bidder.token })).status).toBe(200);

    expect((await post(rt, `/api/challenges/${id}/cancel`, owner)).status).toBe(200);
    const cancelled = async (p: Person) => (await notificationsOf(rt, p)).filter((n) => n.kind === 'cancelled' && n.challengeId === id);
    expect(await cancelled(bidder)).toHaveLength(1);
    expect(await cancelled(rival)).toHaveLength(1);
    expect(await cancelled(saver)).toHaveLength(1);
    expect(await cancelled(quitter)).toHaveLength(0);
    expect(await cancelled(owner)).toHaveLength(0);

    // No bid stays in the running on a cancelled challenge; the withdrawn one stays withdrawn.
    const statuses = (await get(rt, `/api/challenges/${id}/bids`, owner)).body.items.map((b: { bidderId: string; status: string }) => [b.bidderId, b.status]);
    expect(Object.fromEntries(statuses)).toEqual({ [bidder.id]: 'rejected', [rival.id]: 'rejected', [quitter.id]: 'withdrawn' });
    expect((await get(rt, `/api/challenges/${id}`, bidder)).body.viewer.bidId).toBeNull();
  });

  it('cancelling a draft notifies nobody', async () => {
    const rt = await testRuntime();
    const { owner } = await registerCast(rt);
    const id = await createDraft(rt, owner);
    await rt.call('PUT', `/api/me/saved/${id}`, { token: owner.token });
    await post(rt, `/api/challenges/${id}/cancel`, owner);
    expect(await rt.store.tables.notifications.count()).toBe(0);
  });
});

describe('races: concurrent requests still obey the rules', () => {
  const statuses = (results: Array<{ status: number }>) => results.map((r) => r.status).sort();

  it('five simultaneous submits by one researcher make exactly one live bid', async () => {
    const rt = await testRuntime();
    const { owner, bidder } = await registerCast(rt);
    const id = await publishChallenge(rt, owner);
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => post(rt, `/api/challenges/${id}/bids`, bidder, bidBody(`race-${i}`))));
    expect(statuses(results)).toEqual([201, 409, 409, 409, 409]);
    expect((await get(rt, `/api/challenges/${id}/bids`, owner)).body.items).toHaveLength(1);
    expect((await get(rt, `/api/challenges/${id}`, owner)).body.counters.bids).toBe(1);
    expect((await notificationsOf(rt, owner)).filter((n) => n.kind === 'bid-received')).toHaveLength(1);
  });

  it('two simultaneous awards of different bids: one wins, the other is a 409', async () => {
    const rt = await testRuntime();
    const cast = await registerCast(rt);
    const { challengeId: id, bid, rivalBid } = await openMarket(rt, cast);
    const results = await Promise.all([bid, rivalBid].map((b) => post(rt, `/api/challenges/${id}/award`, cast.owner, { bidId: b.id })));
    expect(statuses(results)).toEqual([200, 409]);
    const bids = (await get(rt, `/api/challenges/${id}/bids`, cast.owner)).body.items;
    expect(bids.map((b: any) => b.status).sort()).toEqual(['awarded', 'rejected']);
    expect((await get(rt, '/api/awards')).body.items).toHaveLength(1);
  });

  it('withdraw racing award of the same bid: exactly one of them happens', async () => {
    const rt = await testRuntime();
    const cast = await registerCast(rt);
    const { challengeId: id, bid } = await openMarket(rt, cast);
    const [withdraw, award] = await Promise.all([post(rt, `/api/bids/${bid.id}/withdraw`, cast.bidder), post(rt, `/api/challenges/${id}/award`, cast.owner, { bidId: bid.id })]);
    expect([withdraw!.status, award!.status].sort()).toEqual([200, 409]);
    const final = (await get(rt, `/api/bids/${bid.id}`, cast.bidder)).body.status;
    expect(final).toBe(withdraw!.status === 200 ? 'withdrawn' : 'awarded');
    expect((await get(rt, `/api/challenges/${id}`)).body.status).toBe(award!.status === 200 ? 'awarded' : 'open');
  });

  it('publishing twice at once opens it once', async () => {
    const rt = await testRuntime();
    const { owner } = await registerCast(rt);
    const id = await createDraft(rt, owner);
    const results = await Promise.all([post(rt, `/api/challenges/${id}/publish`, owner), post(rt, `/api/challenges/${id}/publish`, owner)]);
    expect(statuses(results)).toEqual([200, 409]);
  });

  it('registering one email twice at once makes one account', async () => {
    const rt = await testRuntime();
    const body = { roles: ['researcher'], displayName: 'Twin', email: 'twin@example.test', password: 'a long enough password' };
    const results = await Promise.all([rt.call('POST', '/api/auth/register', { body }), rt.call('POST', '/api/auth/register', { body: { ...body, email: ' TWIN@example.test ' } })]);
    expect(statuses(results)).toEqual([201, 409]);
  });
});
