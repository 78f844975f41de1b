import type { ReviewBid } from '../../../shared/schemas/review.js';
import type { Clock } from '../../clock.js';
import type { AccountRow, BidRow, ChallengeRow, RecusalRow, ReviewerRow } from '../../store/rows.js';
import type { Readers, Writers } from '../../store/store.js';
import { toProfile } from '../views.js';
import { blindContent } from './blind.js';
import { conflictReason } from './conflicts.js';
import { evaluationOf } from './settings.js';

/** The id of an assignment, a recusal and a score sheet: one each per reviewer and challenge, bid, bid and phase. */
export const reviewerId = (challengeId: string, accountId: string) => `${challengeId}:${accountId}`;
export const recusalId = (accountId: string, bidId: string) => `${accountId}:${bidId}`;
export const scoreId = (accountId: string, bidId: string, phase: number) => `${accountId}:${bidId}:${phase}`;

/** The account's current (not removed) assignment to the challenge, if any. */
export async function activeReviewer(tables: Readers, challengeId: string, accountId: string): Promise<Readonly<ReviewerRow> | undefined> {
  const row = await tables.reviewers.get(reviewerId(challengeId, accountId));
  return row && row.removedAt === null ? row : undefined;
}

/** The current reviewers of a challenge. */
export async function activeReviewers(tables: Readers, challengeId: string): Promise<Readonly<ReviewerRow>[]> {
  return (await tables.reviewers.where('challengeId', challengeId)).filter((r) => r.removedAt === null);
}

/** Bids reviewers read and score: every bid but withdrawn ones. */
export const isReviewable = (bid: Pick<BidRow, 'status'>) => bid.status !== 'withdrawn';

/**
 * Record the automatic recusals each of `reviewers` owes from each of `bids` (conflicts.ts), inside the
 * caller's transaction. Pairs already recused are left as they are: a recusal is final.
 */
export async function recordAutoRecusals(tx: Writers, clock: Clock, reviewers: readonly Readonly<ReviewerRow>[], bids: readonly Readonly<BidRow>[]): Promise<void> {
  if (reviewers.length === 0 || bids.length === 0) return;
  const accounts = await tx.accounts.getMany([...new Set([...reviewers.map((r) => r.accountId), ...bids.map((b) => b.bidderId)])]);
  const existing = await tx.recusals.getMany(reviewers.flatMap((r) => bids.map((b) => recusalId(r.accountId, b.id))));
  for (const reviewer of reviewers) {
    const standing = { organization: accounts.get(reviewer.accountId)?.organization ?? '', conflicts: reviewer.conflicts };
    for (const bid of bids) {
      const id = recusalId(reviewer.accountId, bid.id);
      if (existing.has(id)) continue;
      const reason = conflictReason(standing, toProfile(accounts.get(bid.bidderId), bid.bidderId));
      if (reason) {
        await tx.recusals.insert({ id, challengeId: bid.challengeId, bidId: bid.id, accountId: reviewer.accountId, kind: 'auto', reason, recusedAt: clock.now().toISOString() });
      }
    }
  }
}

/**
 * Whether `reviewer` stands recused from `bid`: a recusal recorded, or a conflict that holds now (a profile
 * changed since the last record), so that no bid of a conflicting bidder is ever shown.
 */
export async function isRecused(tables: Readers, reviewer: Readonly<ReviewerRow>, bid: Readonly<BidRow>, accounts?: ReadonlyMap<string, Readonly<AccountRow>>): Promise<boolean> {
  if (await tables.recusals.get(recusalId(reviewer.accountId, bid.id))) return true;
  const known = accounts ?? (await tables.accounts.getMany([reviewer.accountId, bid.bidderId]));
  const standing = { organization: known.get(reviewer.accountId)?.organization ?? '', conflicts: reviewer.conflicts };
  return conflictReason(standing, toProfile(known.get(bid.bidderId), bid.bidderId)) !== null;
}

/** The recusals of a challenge, by reviewer account. */
export async function recusalsByReviewer(tables: Readers, challengeId: string): Promise<Map<string, Readonly<RecusalRow>[]>> {
  const out = new Map<string, Readonly<RecusalRow>[]>();
  for (const r of await tables.recusals.where('challengeId', challengeId)) out.set(r.accountId, [...(out.get(r.accountId) ?? []), r]);
  return out;
}

/**
 * The assignment under which `accountId` may read `bid`: an active reviewer of its challenge, not recused,
 * and the bid not withdrawn. Undefined otherwise.
 */
export async function reviewAccess(tables: Readers, accountId: string, bid: Readonly<BidRow>): Promise<Readonly<ReviewerRow> | undefined> {
  if (!isReviewable(bid)) return undefined;
  const reviewer = await activeReviewer(tables, bid.challengeId, accountId);
  if (!reviewer || (await isRecused(tables, reviewer, bid))) return undefined;
  return reviewer;
}

/**
 * Whether a blind review still hides who made `bid`: until the bid is shortlisted (or advanced to a later
 * phase) when identities are revealed at the shortlist, until the award otherwise.
 */
export function hidesBidder(challenge: Readonly<ChallengeRow>, bid: Pick<BidRow, 'status'>): boolean {
  const settings = evaluationOf(challenge);
  if (!settings.blind || challenge.status === 'awarded') return false;
  if (settings.revealAt === 'shortlist') return !(bid.status === 'shortlisted' || bid.status === 'awarded' || settings.phase > 0);
  return true;
}

/** A bid as a reviewer reads it: its content, without receipt, history or feedback; while blind, without its bidder (blind.ts). */
export async function toReviewBid(tables: Readers, bid: Readonly<BidRow>, challenge: Readonly<ChallengeRow>): Promise<ReviewBid> {
  const profile = toProfile(await tables.accounts.get(bid.bidderId), bid.bidderId);
  const { id, challengeId, summary, approach, price, durationWeeks, milestones, references, status, revision, createdAt, updatedAt } = bid;
  const content = { summary, approach, milestones, references };
  const blind = hidesBidder(challenge, bid);
  return { id, challengeId, challengeTitle: challenge.title, bidder: blind ? null : profile, ...(blind ? blindContent(content, profile) : content), price, durationWeeks, status, revision, createdAt, updatedAt };
}
