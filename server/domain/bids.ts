import type { AwardInput, Challenge } from '../../shared/schemas/challenge.js';
import { AwardInput as AwardSchema } from '../../shared/schemas/challenge.js';
import type { Bid, BidContent, BidCreateInput, BidUpdateInput, RejectInput } from '../../shared/schemas/bid.js';
import { BidCreateInput as CreateSchema, BidUpdateInput as UpdateSchema, LIVE_BID_STATUSES, RejectInput as RejectSchema } from '../../shared/schemas/bid.js';
import type { Page, PageQuery } from '../../shared/schemas/common.js';
import type { PaperRef } from '../../shared/schemas/paper.js';
import { receiptPreimage } from '../../shared/receipt.js';
import type { Clock } from '../clock.js';
import type { AccountRow, BidRow, ChallengeRow } from '../store/rows.js';
import { LIST_KEYS, type Store, type Writers } from '../store/store.js';
import { assertCanDo, isAcceptingBids, withCurrentStatus } from './challenge-lifecycle.js';
import { conflict, invalid, notFound } from './errors.js';
import { activeReviewer, activeReviewers, recordAutoRecusals } from './evaluation/access.js';
import { evaluationOf, isLastPhase } from './evaluation/settings.js';
import { announceAward } from './deals.js';
import { newId } from './ids.js';
import { notify } from './notifications.js';
import { keysetPage } from './pagination.js';
import {
  assertNotOwnChallenge,
  assertOwnBid,
  assertOwnChallenge,
  assertViewChallenge,
  canViewBid,
  requireAccount,
  requireRole,
  type Actor,
} from './permissions.js';
import { sha256Hex } from './secrets.js';
import { profileOf, toBid, toBids, toChallenge } from './views.js';

type PaperRefInput = NonNullable<BidUpdateInput['references']>[number];

/**
 * Bids: sealed proposals. Submit, revise (history kept, a new receipt each time) and withdraw for the
 * bidder; shortlist, reject and award for the challenge's owner. Nobody else ever reads a bid.
 */
export function createBidService({ store, clock }: { store: Store; clock: Clock }) {
  const now = () => clock.now();

  /** A bid and its challenge, if the actor may see the bid; otherwise a 404 (a bid's existence is sealed too). */
  async function loadVisible(tx: Writers | Store['tables'], actor: Actor, bidId: string) {
    requireAccount(actor);
    const bid = await tx.bids.get(bidId);
    const challenge = bid && (await tx.challenges.get(bid.challengeId));
    if (!bid || !challenge || !canViewBid(actor, bid, challenge)) throw notFound('bid', bidId);
    return { bid, challenge };
  }

  /** The references a bid cites: copies of the bidder's own clips, then references typed in. */
  async function resolveReferences(tx: Writers, bidder: Readonly<AccountRow>, paperIds: readonly string[], typed: readonly PaperRefInput[]): Promise<PaperRef[]> {
    const refs: PaperRef[] = [];
    for (const paperId of new Set(paperIds)) {
      const paper = await tx.papers.get(paperId);
      if (!paper || paper.ownerId !== bidder.id) throw invalid(`Paper ${paperId} is not in your library`, { path: 'paperIds' });
      refs.push({ paperId, title: paper.title, authors: paper.authors, doi: paper.doi, arxivId: paper.arxivId, year: paper.year, venue: paper.venue, url: paper.url });
    }
    for (const ref of typed) {
      refs.push({ paperId: null, title: ref.title, authors: ref.authors ?? [], doi: ref.doi ?? null, arxivId: ref.arxivId ?? null, year: ref.year ?? null, venue: ref.venue ?? null, url: ref.url ?? null });
    }
    return refs;
  }

  function receiptFor(content: BidContent, revision: number) {
    const receivedAt = now().toISOString();
    return { sha256: sha256Hex(receiptPreimage(content, receivedAt)), receivedAt, revision };
  }

  const contentOf = (bid: BidContent): BidContent => ({
    challengeId: bid.challengeId,
    bidderId: bid.bidderId,
    summary: bid.summary,
    approach: bid.approach,
    price: bid.price,
    durationWeeks: bid.durationWeeks,
    milestones: bid.milestones,
    references: bid.references,
  });

  /** Persist the current status when the deadline closed the challenge, so the write sees the truth. */
  async function currentChallenge(tx: Writers, row: Readonly<ChallengeRow>): Promise<Readonly<ChallengeRow>> {
    const current = withCurrentStatus(row as ChallengeRow, now());
    return current === row ? row : tx.challenges.update(row.id, current);
  }

  async function setStatus(tx: Writers, bid: Readonly<BidRow>, challenge: Readonly<ChallengeRow>, status: BidRow['status'], feedback: string | null) {
    const updated = await tx.bids.update(bid.id, { status, feedback, updatedAt: now().toISOString() });
    await notify(tx, clock, { accountId: bid.bidderId, kind: status === 'awarded' ? 'award' : 'bid-status', challenge, bidId: bid.id, bidStatus: status });
    return updated;
  }

  return {
    async submit(actor: Actor, challengeId: string, input: BidCreateInput): Promise<Bid> {
      const bidder = requireRole(actor, 'researcher');
      const data = CreateSchema.parse(input);
      const row = await store.transact(async (tx) => {
        const challenge = assertViewChallenge(actor, await tx.challenges.get(challengeId), challengeId);
        assertNotOwnChallenge(bidder, challenge, 'bid on');
        if (!isAcceptingBids(challenge, now())) {
          throw conflict('This challenge is not accepting bids: only open challenges before their deadline do', { status: withCurrentStatus(challenge as ChallengeRow, now()).status });
        }
        if (evaluationOf(challenge).phase > 0) throw conflict('This challenge is in a later phase: only the bids shortlisted in the last one take part');
        if (await activeReviewer(tx, challengeId, bidder.id)) throw conflict('You review this challenge, so you cannot bid on it');
        const live = (await tx.bids.where('bidderId', bidder.id)).find((b) => b.challengeId === challengeId && LIVE_BID_STATUSES.includes(b.status));
        if (live) throw conflict('You already have a live bid on this challenge; revise it instead (PATCH /api/bids/:id)', { bidId: live.id });
        const at = now().toISOString();
        const draft = {
          challengeId,
          bidderId: bidder.id,
          summary: data.summary,
          approach: data.approach,
          price: data.price,
          durationWeeks: data.durationWeeks,
          milestones: data.milestones,
          references: await resolveReferences(tx, bidder, data.paperIds, data.references),
          status: 'submitted' as const,
          revision: 1,
          history: [],
          feedback: null,
          createdAt: at,
          updatedAt: at,
        };
        const bid = await tx.bids.insert({ id: newId('bid'), ...draft, receipt: receiptFor(contentOf(draft), 1) });
        await tx.challenges.update(challengeId, (c) => ({ ...c, counters: { ...c.counters, bids: c.counters.bids + 1 } }));
        await notify(tx, clock, { accountId: challenge.ownerId, kind: 'bid-received', challenge, bidId: bid.id, bidStatus: 'submitted' });
        await recordAutoRecusals(tx, clock, await activeReviewers(tx, challengeId), [bid]);
        return bid;
      });
      return toBid(store.tables, row, actor, now());
    },

    /** A new revision: the previous content moves to `history` with its receipt; a new receipt is issued. */
    async revise(actor: Actor, bidId: string, input: BidUpdateInput): Promise<Bid> {
      const patch = UpdateSchema.parse(input);
      const row = await store.transact(async (tx) => {
        const { bid, challenge } = await loadVisible(tx, actor, bidId);
        const bidder = assertOwnBid(actor, bid);
        if (Object.keys(patch).length === 0) throw invalid('Nothing to revise: send the fields that change');
        if (bid.status !== 'submitted') throw conflict(`A ${bid.status} bid cannot be revised`, { status: bid.status });
        if (!isAcceptingBids(challenge, now())) throw conflict('Bids can be revised only while the challenge is open');
        const references =
          patch.paperIds !== undefined || patch.references !== undefined
            ? await resolveReferences(tx, bidder, patch.paperIds ?? [], patch.references ?? [])
            : bid.references;
        const { paperIds: _p, references: _r, ...content } = patch;
        const revision = bid.revision + 1;
        const next = { ...bid, ...content, references, revision, updatedAt: now().toISOString() };
        const { receipt, revision: previous, summary, approach, price, durationWeeks, milestones } = bid;
        return tx.bids.update(bidId, {
          ...next,
          history: [...bid.history, { revision: previous, receipt, summary, approach, price, durationWeeks, milestones, references: bid.references }],
          receipt: receiptFor(contentOf(next), revision),
        });
      });
      return toBid(store.tables, row, actor, now());
    },

    async withdraw(actor: Actor, bidId: string): Promise<Bid> {
      const row = await store.transact(async (tx) => {
        const { bid, challenge } = await loadVisible(tx, actor, bidId);
        assertOwnBid(actor, bid);
        if (!LIVE_BID_STATUSES.includes(bid.status)) throw conflict(`A ${bid.status} bid cannot be withdrawn`, { status: bid.status });
        if (!isAcceptingBids(challenge, now())) throw conflict('Bids can be withdrawn only while the challenge is open');
        await tx.challenges.update(challenge.id, (c) => ({ ...c, counters: { ...c.counters, bids: Math.max(0, c.counters.bids - 1) } }));
        return tx.bids.update(bidId, { status: 'withdrawn', updatedAt: now().toISOString() });
      });
      return toBid(store.tables, row, actor, now());
    },

    async shortlist(actor: Actor, bidId: string): Promise<Bid> {
      const row = await store.transact(async (tx) => {
        const { bid, challenge } = await loadVisible(tx, actor, bidId);
        assertOwnChallenge(actor, challenge);
        const current = await currentChallenge(tx, challenge);
        assertCanDo(current as ChallengeRow, 'award', now());
        if (bid.status !== 'submitted') throw conflict(`Only submitted bids can be shortlisted; this one is ${bid.status}`, { status: bid.status });
        return setStatus(tx, bid, current, 'shortlisted', null);
      });
      return toBid(store.tables, row, actor, now());
    },

    async reject(actor: Actor, bidId: string, input: RejectInput): Promise<Bid> {
      const { feedback } = RejectSchema.parse(input);
      const row = await store.transact(async (tx) => {
        const { bid, challenge } = await loadVisible(tx, actor, bidId);
        assertOwnChallenge(actor, challenge);
        const current = await currentChallenge(tx, challenge);
        assertCanDo(current as ChallengeRow, 'award', now());
        if (!LIVE_BID_STATUSES.includes(bid.status)) throw conflict(`A ${bid.status} bid cannot be rejected`, { status: bid.status });
        return setStatus(tx, bid, current, 'rejected', feedback || null);
      });
      return toBid(store.tables, row, actor, now());
    },

    /** Award one live bid: the challenge is awarded, the other live bids are rejected, every bidder is told. */
    async award(actor: Actor, challengeId: string, input: AwardInput): Promise<Challenge> {
      requireAccount(actor);
      const { bidId, note, announce } = AwardSchema.parse(input);
      const row = await store.transact(async (tx) => {
        const challenge = assertViewChallenge(actor, await tx.challenges.get(challengeId), challengeId);
        assertOwnChallenge(actor, challenge);
        const current = await currentChallenge(tx, challenge);
        assertCanDo(current as ChallengeRow, 'award', now());
        if (!isLastPhase(evaluationOf(current))) throw conflict('Awards happen in the last phase: advance the shortlist first (POST /api/challenges/{id}/advance)');
        const winner = await tx.bids.get(bidId);
        if (!winner || winner.challengeId !== challengeId) throw notFound('bid on this challenge', bidId);
        if (!LIVE_BID_STATUSES.includes(winner.status)) throw conflict(`A ${winner.status} bid cannot be awarded`, { status: winner.status });
        const at = now().toISOString();
        const awarded = await tx.challenges.update(challengeId, {
          status: 'awarded',
          closedAt: current.closedAt ?? at,
          updatedAt: at,
          award: { bidId, winner: await profileOf(tx, winner.bidderId), amount: winner.price, note, awardedAt: at },
        });
        await setStatus(tx, winner, awarded, 'awarded', null);
        for (const other of await tx.bids.where('challengeId', challengeId)) {
          if (other.id !== bidId && LIVE_BID_STATUSES.includes(other.status)) await setStatus(tx, other, awarded, 'rejected', null);
        }
        if (announce) await announceAward(tx, clock, awarded, awarded.award!.winner, announce.objectionDays);
        return awarded;
      });
      return toChallenge(store, row, actor, now());
    },

    async get(actor: Actor, bidId: string): Promise<Bid> {
      const { bid } = await loadVisible(store.tables, actor, bidId);
      return toBid(store.tables, bid, actor, now());
    },

    /** Every bid on a challenge, for its owner only. */
    async listForChallenge(actor: Actor, challengeId: string, page: PageQuery): Promise<Page<Bid>> {
      requireAccount(actor);
      const challenge = assertViewChallenge(actor, await store.tables.challenges.get(challengeId), challengeId);
      assertOwnChallenge(actor, challenge);
      const slice = await keysetPage(page, (window) => store.tables.bids.page('challengeId', challengeId, { direction: 'desc', ...window }), LIST_KEYS.bids);
      return { items: await toBids(store.tables, slice.items, actor, now()), nextCursor: slice.nextCursor };
    },

    /** The caller's own bids. */
    async listMine(actor: Actor, page: PageQuery): Promise<Page<Bid>> {
      const account = requireAccount(actor);
      const slice = await keysetPage(page, (window) => store.tables.bids.page('bidderId', account.id, { direction: 'desc', ...window }), LIST_KEYS.bids);
      return { items: await toBids(store.tables, slice.items, actor, now()), nextCursor: slice.nextCursor };
    },
  };
}

