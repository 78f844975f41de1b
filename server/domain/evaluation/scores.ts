import type { Bid } from '../../../shared/schemas/bid.js';
import { LIVE_BID_STATUSES } from '../../../shared/schemas/bid.js';
import type { FeedbackInput, Ranking, ScoreSheet, ScoresInput } from '../../../shared/schemas/review.js';
import { FeedbackInput as FeedbackSchema, ScoresInput as ScoresSchema } from '../../../shared/schemas/review.js';
import type { Criterion } from '../../../shared/schemas/rubric.js';
import type { Clock } from '../../clock.js';
import type { BidRow, ChallengeRow, ScoreRow } from '../../store/rows.js';
import type { Readers, Store, Writers } from '../../store/store.js';
import { currentStatus } from '../challenge-lifecycle.js';
import { conflict, forbidden, invalid, notFound } from '../errors.js';
import { notify } from '../notifications.js';
import { assertOwnChallenge, assertViewChallenge, canViewBid, requireAccount, type Actor } from '../permissions.js';
import { toBid, toProfile } from '../views.js';
import { activeReviewers, isRecused, reviewAccess, scoreId } from './access.js';
import { assignRanks, scoreBid, weightedScore } from './ranking.js';
import { evaluationOf, rubricOf } from './settings.js';

const isLive = (bid: Pick<BidRow, 'status'>) => LIVE_BID_STATUSES.includes(bid.status);
/** A comment's id, as the ranking shows it and feedback names it: the score sheet and the criterion's place. */
const commentId = (sheet: Pick<ScoreRow, 'id'>, index: number) => `${sheet.id}#${index}`;

/**
 * The entries of a score sheet in rubric order, or a 422 naming what is missing, unknown or repeated:
 * a sheet scores every criterion of the phase's rubric once (names matched without regard to case).
 */
function sheetFor(rubric: readonly Criterion[], entries: readonly { criterion: string; score: number; comment: string }[]) {
  const byName = new Map<string, (typeof entries)[number]>();
  for (const entry of entries) {
    const criterion = rubric.find((c) => c.name.toLowerCase() === entry.criterion.toLowerCase());
    if (!criterion) throw invalid(`"${entry.criterion}" is not a criterion of this rubric: ${rubric.map((c) => c.name).join(', ')}`);
    if (byName.has(criterion.name)) throw invalid(`"${criterion.name}" is scored twice`);
    byName.set(criterion.name, entry);
  }
  const missing = rubric.filter((c) => !byName.has(c.name)).map((c) => c.name);
  if (missing.length > 0) throw invalid(`Score every criterion; missing: ${missing.join(', ')}`);
  return rubric.map((c) => ({ criterion: c.name, score: byName.get(c.name)!.score, comment: byName.get(c.name)!.comment }));
}

/**
 * Who still owes a score in the challenge's current phase, per live bid: the active reviewers not recused
 * from it and without a sheet for it. Complete when nobody owes anything.
 */
async function pendingOf(tables: Readers, challenge: Readonly<ChallengeRow>, bids: readonly Readonly<BidRow>[], sheets: readonly Readonly<ScoreRow>[]) {
  const phase = evaluationOf(challenge).phase;
  const reviewers = await activeReviewers(tables, challenge.id);
  const accounts = await tables.accounts.getMany([...new Set([...reviewers.map((r) => r.accountId), ...bids.map((b) => b.bidderId)])]);
  const scored = new Set(sheets.filter((s) => s.phase === phase).map((s) => `${s.accountId} ${s.bidId}`));
  const pending = new Map<string, string[]>();
  for (const bid of bids) {
    const owing: string[] = [];
    for (const r of reviewers) if (!scored.has(`${r.accountId} ${bid.id}`) && !(await isRecused(tables, r, bid, accounts))) owing.push(r.accountId);
    pending.set(bid.id, owing);
  }
  return { pending, reviewers, accounts, complete: [...pending.values()].every((owing) => owing.length === 0) };
}

/**
 * Scores and what follows from them (PRODUCT.md §9): reviewers score live bids per criterion, the owner
 * reads the ranking and may send chosen comments to a bidder as feedback. Scores never reach a bidder or
 * the public: only the owner reads them, and feedback carries the comments' text without their authors.
 */
export function createScoreService({ store, clock }: { store: Store; clock: Clock }) {
  const now = () => clock.now();

  async function ownChallenge(tables: Readers, actor: Actor, challengeId: string): Promise<Readonly<ChallengeRow>> {
    requireAccount(actor);
    const challenge = assertViewChallenge(actor, await tables.challenges.get(challengeId), challengeId);
    assertOwnChallenge(actor, challenge);
    return challenge;
  }

  /** The owner is told once a new sheet completes the phase's scores (a changed sheet completes nothing new). */
  async function notifyIfComplete(tx: Writers, challenge: Readonly<ChallengeRow>): Promise<void> {
    const bids = (await tx.bids.where('challengeId', challenge.id)).filter(isLive);
    const { complete } = await pendingOf(tx, challenge, bids, await tx.scores.where('challengeId', challenge.id));
    if (complete) await notify(tx, clock, { accountId: challenge.ownerId, kind: 'scores-complete', challenge });
  }

  return {
    /**
     * A reviewer's scores of a live bid in the current phase: every criterion once, 1–5, with a comment.
     * Sent again, it replaces the reviewer's sheet. Bidders and the owner cannot score (403).
     */
    async put(actor: Actor, bidId: string, input: ScoresInput): Promise<ScoreSheet> {
      const account = requireAccount(actor);
      const entries = ScoresSchema.parse(input);
      const { row, rubric } = await store.transact(async (tx) => {
        const bid = await tx.bids.get(bidId);
        const challenge = bid && (await tx.challenges.get(bid.challengeId));
        if (!bid || !challenge) throw notFound('bid', bidId);
        if (!(await reviewAccess(tx, account.id, bid))) {
          if (canViewBid(actor, bid, challenge)) throw forbidden('Only the reviewers of this challenge score its bids');
          throw notFound('bid', bidId);
        }
        const status = currentStatus(challenge, now());
        if (status !== 'open' && status !== 'closed') throw conflict(`This challenge is ${status}: scoring is over`, { status });
        if (!isLive(bid)) throw conflict(`A ${bid.status} bid is no longer scored`, { status: bid.status });
        const settings = evaluationOf(challenge);
        const rubric = rubricOf(settings);
        if (rubric.length === 0) throw conflict('This challenge has no rubric yet: the owner sets one (PATCH /api/challenges/{id})');
        const scores = sheetFor(rubric, entries.map((e) => ({ criterion: e.criterion, score: e.score, comment: e.comment ?? '' })));
        const id = scoreId(account.id, bid.id, settings.phase);
        const at = now().toISOString();
        const existing = await tx.scores.get(id);
        if (existing) return { row: await tx.scores.update(id, { scores, updatedAt: at }), rubric };
        const row = await tx.scores.insert({ id, challengeId: challenge.id, bidId, accountId: account.id, phase: settings.phase, scores, createdAt: at, updatedAt: at });
        await notifyIfComplete(tx, challenge);
        return { row, rubric };
      });
      return { bidId, phase: row.phase, scores: row.scores, weighted: weightedScore(rubric, row), updatedAt: row.updatedAt };
    },

    /**
     * The caller's own score sheet of a bid they review, in the current phase, so a reviewer can read back and
     * change what they gave; a 404 until they have scored it, and for anyone not reviewing the bid.
     */
    async mine(actor: Actor, bidId: string): Promise<ScoreSheet> {
      const account = requireAccount(actor);
      const bid = await store.tables.bids.get(bidId);
      const challenge = bid && (await store.tables.challenges.get(bid.challengeId));
      if (!bid || !challenge || !(await reviewAccess(store.tables, account.id, bid))) throw notFound('bid', bidId);
      const settings = evaluationOf(challenge);
      const row = await store.tables.scores.get(scoreId(account.id, bid.id, settings.phase));
      if (!row) throw notFound('score sheet for bid', bidId);
      return { bidId, phase: row.phase, scores: row.scores, weighted: weightedScore(rubricOf(settings), row), updatedAt: row.updatedAt };
    },

    /**
     * The owner's ranking of the current phase's live bids: weighted mean, per-criterion spread, number of
     * reviews, who has not scored yet, and the comments (with ids for feedback). Only the sheets of current
     * reviewers count.
     */
    async ranking(actor: Actor, challengeId: string): Promise<Ranking> {
      const challenge = await ownChallenge(store.tables, actor, challengeId);
      const settings = evaluationOf(challenge);
      const rubric = rubricOf(settings);
      const bids = (await store.tables.bids.where('challengeId', challengeId)).filter(isLive);
      const sheets = await store.tables.scores.where('challengeId', challengeId);
      const { pending, reviewers, accounts, complete } = await pendingOf(store.tables, challenge, bids, sheets);
      const current = new Set(reviewers.map((r) => r.accountId));
      const rows = bids.map((bid) => {
        const mine = sheets.filter((s) => s.bidId === bid.id && s.phase === settings.phase && current.has(s.accountId));
        return {
          bidId: bid.id,
          bidder: toProfile(accounts.get(bid.bidderId), bid.bidderId),
          status: bid.status,
          ...scoreBid(rubric, mine),
          pendingReviewers: (pending.get(bid.id) ?? []).map((id) => toProfile(accounts.get(id), id)),
          comments: mine.flatMap((s) =>
            s.scores.flatMap((e, i) => (e.comment ? [{ id: commentId(s, i), reviewerId: s.accountId, criterion: e.criterion, score: e.score, comment: e.comment }] : [])),
          ),
        };
      });
      return { challengeId, phase: settings.phase, rubric, reviewers: reviewers.length, complete, items: assignRanks(rows) };
    },

    /**
     * The owner sends chosen reviewer comments (ids from the ranking) to the bidder as the bid's feedback,
     * each as "criterion: comment", without who wrote it; the bidder is told (`feedback`).
     */
    async sendFeedback(actor: Actor, bidId: string, input: FeedbackInput): Promise<Bid> {
      const account = requireAccount(actor);
      const { commentIds, note } = FeedbackSchema.parse(input);
      const row = await store.transact(async (tx) => {
        const bid = await tx.bids.get(bidId);
        const challenge = bid && (await tx.challenges.get(bid.challengeId));
        if (!bid || !challenge) throw notFound('bid', bidId);
        if (!canViewBid(actor, bid, challenge) && !(await reviewAccess(tx, account.id, bid))) throw notFound('bid', bidId);
        assertOwnChallenge(actor, challenge);
        const sheets = (await tx.scores.where('challengeId', challenge.id)).filter((s) => s.bidId === bidId);
        const lines = commentIds.map((id) => {
          const [sheetId, index] = id.split('#');
          const entry = sheets.find((s) => s.id === sheetId)?.scores[Number(index)];
          if (!entry?.comment) throw invalid(`No reviewer comment ${id} on this bid; take the ids from GET /api/challenges/{id}/ranking`);
          return `${entry.criterion}: ${entry.comment}`;
        });
        const feedback = [note, ...lines].filter((l) => l.length > 0).join('\n');
        const updated = await tx.bids.update(bidId, { feedback, updatedAt: now().toISOString() });
        await notify(tx, clock, { accountId: bid.bidderId, kind: 'feedback', challenge, bidId });
        return updated;
      });
      return toBid(store.tables, row, actor, now());
    },
  };
}
