import type { OneTimeCode } from '../../../shared/schemas/account.js';
import type { Bid } from '../../../shared/schemas/bid.js';
import type { Page, PageQuery } from '../../../shared/schemas/common.js';
import type { AddReviewerInput, Conflicts, Recusal, RecuseInput, RedeemInviteInput, ReviewAssignment, ReviewBid, Reviewer } from '../../../shared/schemas/review.js';
import { AddReviewerInput as AddSchema, Conflicts as ConflictsSchema, RecuseInput as RecuseSchema, RedeemInviteInput as RedeemSchema } from '../../../shared/schemas/review.js';
import type { Clock } from '../../clock.js';
import type { ChallengeRow, RecusalRow, ReviewerRow } from '../../store/rows.js';
import type { Readers, Store, Writers } from '../../store/store.js';
import { currentStatus } from '../challenge-lifecycle.js';
import { conflict, forbidden, invalid, notFound } from '../errors.js';
import { newId, newOneTimeCode } from '../ids.js';
import { notify } from '../notifications.js';
import { paginate } from '../pagination.js';
import { assertOwnChallenge, assertViewChallenge, canViewBid, requireAccount, type Actor } from '../permissions.js';
import { hashSecret } from '../secrets.js';
import { toBid, toProfile } from '../views.js';
import { activeReviewer, isRecused, isReviewable, recordAutoRecusals, recusalId, recusalsByReviewer, reviewAccess, reviewerId, scoreId, toReviewBid } from './access.js';
import { evaluationOf, rubricOf } from './settings.js';

/** Reviewer invite codes last two weeks: long enough to reach an outside expert. */
const INVITE_TTL_MS = 14 * 24 * 60 * 60_000;
/** Challenges that are still being judged: reviewers join, declare and recuse only on these. */
const JUDGED = ['draft', 'open', 'closed'] as const;

const toRecusal = (r: Readonly<RecusalRow>): Recusal => ({ bidId: r.bidId, reviewerId: r.accountId, kind: r.kind, reason: r.reason, recusedAt: r.recusedAt });

/**
 * Reviewers (PRODUCT.md §9): the owner adds accounts or hands out invite codes, reviewers declare
 * conflicts and recuse, and read the bids assigned to them. Automatic recusals are recorded whenever an
 * assignment, a declaration or a bid makes one due. Only the owner and the reviewer themselves ever learn
 * of an assignment: nothing here reaches a bidder.
 */
export function createReviewService({ store, clock }: { store: Store; clock: Clock }) {
  const now = () => clock.now();

  async function ownChallenge(tx: Readers, actor: Actor, challengeId: string): Promise<Readonly<ChallengeRow>> {
    requireAccount(actor);
    const challenge = assertViewChallenge(actor, await tx.challenges.get(challengeId), challengeId);
    assertOwnChallenge(actor, challenge);
    return challenge;
  }

  function assertJudged(challenge: Readonly<ChallengeRow>): void {
    const status = currentStatus(challenge, now());
    if (!(JUDGED as readonly string[]).includes(status)) throw conflict(`This challenge is ${status}: its review is over`, { status });
  }

  /** Make `accountId` a reviewer of `challenge` (again, if once removed) and record the recusals they owe. */
  async function assign(tx: Writers, challenge: Readonly<ChallengeRow>, accountId: string, via: ReviewerRow['via']): Promise<Readonly<ReviewerRow>> {
    assertJudged(challenge);
    if (!(await tx.accounts.get(accountId))) throw notFound('account', accountId);
    if (accountId === challenge.ownerId) throw conflict('The owner of a challenge does not review it');
    const bids = (await tx.bids.where('challengeId', challenge.id)).filter(isReviewable);
    if (bids.some((b) => b.bidderId === accountId)) throw conflict('This account bid on the challenge, so it cannot review it');
    const id = reviewerId(challenge.id, accountId);
    const existing = await tx.reviewers.get(id);
    if (existing && existing.removedAt === null) throw conflict('This account already reviews the challenge');
    const at = now().toISOString();
    const row = existing
      ? await tx.reviewers.update(id, { removedAt: null, assignedAt: at, via })
      : await tx.reviewers.insert({ id, challengeId: challenge.id, accountId, via, conflicts: { organizations: [], people: [] }, assignedAt: at, removedAt: null });
    await recordAutoRecusals(tx, clock, [row], bids);
    return row;
  }

  async function scoredIn(tables: Readers, challenge: Readonly<ChallengeRow>, accountId: string): Promise<Set<string>> {
    const phase = evaluationOf(challenge).phase;
    return new Set((await tables.scores.where('challengeId', challenge.id)).filter((s) => s.accountId === accountId && s.phase === phase).map((s) => s.bidId));
  }

  async function toReviewer(tables: Readers, row: Readonly<ReviewerRow>, challenge: Readonly<ChallengeRow>, recusals: readonly Readonly<RecusalRow>[]): Promise<Reviewer> {
    return {
      reviewer: toProfile(await tables.accounts.get(row.accountId), row.accountId),
      challengeId: row.challengeId,
      via: row.via,
      conflicts: row.conflicts,
      recusals: recusals.map(toRecusal),
      scored: (await scoredIn(tables, challenge, row.accountId)).size,
      assignedAt: row.assignedAt,
    };
  }

  /** The reviewer's own view of one assignment: the rubric, the bids to score (recused ones left out) and the progress. */
  async function toAssignment(tables: Readers, row: Readonly<ReviewerRow>, challenge: Readonly<ChallengeRow>): Promise<ReviewAssignment> {
    const settings = evaluationOf(challenge);
    const all = (await tables.bids.where('challengeId', challenge.id)).filter(isReviewable).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const accounts = await tables.accounts.getMany([row.accountId, ...all.map((b) => b.bidderId)]);
    const scored = await scoredIn(tables, challenge, row.accountId);
    const open: typeof all = [];
    for (const bid of all) if (!(await isRecused(tables, row, bid, accounts))) open.push(bid);
    const bids = open.map((b) => ({ bidId: b.id, summary: b.summary, status: b.status, scored: scored.has(b.id) }));
    return {
      challenge: {
        id: challenge.id,
        title: challenge.title,
        status: currentStatus(challenge, now()),
        deadline: challenge.deadline,
        blind: settings.blind,
        phase: settings.phase,
        phaseName: settings.phases[settings.phase]?.name ?? null,
      },
      rubric: rubricOf(settings),
      conflicts: row.conflicts,
      bids,
      recused: all.length - open.length,
      progress: { scored: bids.filter((b) => b.scored).length, total: bids.length },
      assignedAt: row.assignedAt,
    };
  }

  return {
    /** The owner adds an existing account as a reviewer; the reviewer is told (`review-assigned`). */
    async add(actor: Actor, challengeId: string, input: AddReviewerInput): Promise<Reviewer> {
      const { accountId } = AddSchema.parse(input);
      const { row, challenge } = await store.transact(async (tx) => {
        const challenge = await ownChallenge(tx, actor, challengeId);
        const row = await assign(tx, challenge, accountId, 'account');
        await notify(tx, clock, { accountId, kind: 'review-assigned', challenge });
        return { row, challenge };
      });
      return toReviewer(store.tables, row, challenge, (await recusalsByReviewer(store.tables, challengeId)).get(accountId) ?? []);
    },

    /** A one-time code, valid two weeks, that makes whoever redeems it a reviewer of the challenge. */
    async createInvite(actor: Actor, challengeId: string): Promise<OneTimeCode> {
      return store.transact(async (tx) => {
        const challenge = await ownChallenge(tx, actor, challengeId);
        assertJudged(challenge);
        const code = newOneTimeCode();
        const expiresAt = new Date(now().getTime() + INVITE_TTL_MS).toISOString();
        await tx.codes.insert({ id: newId('cod'), purpose: 'review', challengeId, hash: hashSecret(code), accountId: challenge.ownerId, createdAt: now().toISOString(), expiresAt, usedAt: null });
        return { code, expiresAt };
      });
    },

    /** Spend an invite code: the caller becomes a reviewer of its challenge. */
    async redeem(actor: Actor, input: RedeemInviteInput): Promise<ReviewAssignment> {
      const account = requireAccount(actor);
      const normalized = RedeemSchema.parse(input).code.toUpperCase().replace(/[\s-]/g, '');
      const { row, challenge } = await store.transact(async (tx) => {
        const code = (await tx.codes.where('hash', hashSecret(normalized)))[0];
        const challenge = code?.challengeId ? await tx.challenges.get(code.challengeId) : undefined;
        if (!code || code.purpose !== 'review' || !challenge || code.usedAt || Date.parse(code.expiresAt) <= now().getTime()) {
          throw invalid('That invite code is not valid: it may be mistyped, already used or expired. Ask the challenge owner for a new one.');
        }
        await tx.codes.update(code.id, { usedAt: now().toISOString() });
        return { row: await assign(tx, challenge, account.id, 'invite'), challenge };
      });
      return toAssignment(store.tables, row, challenge);
    },

    /** The owner removes a reviewer: their access ends; their recusals and scores stay on record, out of the ranking. */
    async remove(actor: Actor, challengeId: string, accountId: string): Promise<void> {
      await store.transact(async (tx) => {
        await ownChallenge(tx, actor, challengeId);
        if (!(await activeReviewer(tx, challengeId, accountId))) throw notFound('reviewer of this challenge', accountId);
        await tx.reviewers.update(reviewerId(challengeId, accountId), { removedAt: now().toISOString() });
      });
    },

    /** The challenge's reviewers, with their conflicts, recusals and progress (owner only). */
    async list(actor: Actor, challengeId: string, page: PageQuery): Promise<Page<Reviewer>> {
      const challenge = await ownChallenge(store.tables, actor, challengeId);
      const rows = (await store.tables.reviewers.where('challengeId', challengeId)).filter((r) => r.removedAt === null);
      rows.sort((a, b) => (a.assignedAt + a.id).localeCompare(b.assignedAt + b.id));
      const slice = paginate(rows, page, (r) => `${r.assignedAt}|${r.id}`);
      const recusals = await recusalsByReviewer(store.tables, challengeId);
      const items = await Promise.all(slice.items.map((r) => toReviewer(store.tables, r, challenge, recusals.get(r.accountId) ?? [])));
      return { items, nextCursor: slice.nextCursor };
    },

    /** A reviewer declares their conflicts (replacing the last declaration); the recusals they now owe are recorded. */
    async declareConflicts(actor: Actor, challengeId: string, input: Conflicts): Promise<ReviewAssignment> {
      const account = requireAccount(actor);
      const conflicts = ConflictsSchema.parse(input);
      const { row, challenge } = await store.transact(async (tx) => {
        const challenge = await tx.challenges.get(challengeId);
        const current = challenge && (await activeReviewer(tx, challengeId, account.id));
        if (!challenge || !current) throw notFound('review assignment for challenge', challengeId);
        assertJudged(challenge);
        const row = await tx.reviewers.update(current.id, { conflicts });
        await recordAutoRecusals(tx, clock, [row], (await tx.bids.where('challengeId', challengeId)).filter(isReviewable));
        return { row, challenge };
      });
      return toAssignment(store.tables, row, challenge);
    },

    /** A reviewer steps away from a bid they can read, with a reason; final and recorded. */
    async recuse(actor: Actor, bidId: string, input: RecuseInput): Promise<Recusal> {
      const account = requireAccount(actor);
      const { reason } = RecuseSchema.parse(input);
      const row = await store.transact(async (tx) => {
        const bid = await tx.bids.get(bidId);
        const challenge = bid && (await tx.challenges.get(bid.challengeId));
        if (!bid || !challenge) throw notFound('bid', bidId);
        if (!(await reviewAccess(tx, account.id, bid))) {
          if (canViewBid(actor, bid, challenge)) throw forbidden('Only a reviewer of this challenge can recuse from its bids');
          throw notFound('bid', bidId);
        }
        assertJudged(challenge);
        if (await tx.scores.get(scoreId(account.id, bid.id, evaluationOf(challenge).phase))) {
          throw conflict('You have scored this bid already; ask the owner to remove you if you must step away');
        }
        return tx.recusals.insert({ id: recusalId(account.id, bidId), challengeId: challenge.id, bidId, accountId: account.id, kind: 'manual', reason, recusedAt: now().toISOString() });
      });
      return toRecusal(row);
    },

    /** The caller's review assignments, newest first, each with its bids to score and the progress. */
    async listMine(actor: Actor, page: PageQuery): Promise<Page<ReviewAssignment>> {
      const account = requireAccount(actor);
      const rows = (await store.tables.reviewers.where('accountId', account.id)).filter((r) => r.removedAt === null);
      rows.sort((a, b) => (b.assignedAt + b.id).localeCompare(a.assignedAt + a.id));
      const slice = paginate(rows, page, (r) => `${r.assignedAt}|${r.id}`);
      const challenges = await store.tables.challenges.getMany(slice.items.map((r) => r.challengeId));
      const items: ReviewAssignment[] = [];
      for (const row of slice.items) {
        const challenge = challenges.get(row.challengeId);
        if (challenge) items.push(await toAssignment(store.tables, row, challenge));
      }
      return { items, nextCursor: slice.nextCursor };
    },

    /**
     * One bid as the caller may read it: whole for its bidder and the challenge's owner, as a review copy
     * (no receipt, history or feedback; no bidder while blind) for an assigned, non-recused reviewer; a 404
     * for anyone else.
     */
    async readBid(actor: Actor, bidId: string): Promise<Bid | ReviewBid> {
      const account = requireAccount(actor);
      const bid = await store.tables.bids.get(bidId);
      const challenge = bid && (await store.tables.challenges.get(bid.challengeId));
      if (!bid || !challenge) throw notFound('bid', bidId);
      if (canViewBid(actor, bid, challenge)) return toBid(store.tables, bid, actor, now());
      if (await reviewAccess(store.tables, account.id, bid)) return toReviewBid(store.tables, bid, challenge);
      throw notFound('bid', bidId);
    },
  };
}
