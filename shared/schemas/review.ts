import { z } from 'zod';
import { PublicProfile } from './account.js';
import { BidStatus, Milestone } from './bid.js';
import { ChallengeStatus } from './challenge.js';
import { Id, IsoDateTime, Money, text } from './common.js';
import { PaperRef } from './paper.js';
import { Criterion, SCORE_SCALE } from './rubric.js';

/** `POST /api/challenges/{id}/reviewers`: the owner adds an existing account as a reviewer. */
export const AddReviewerInput = z.object({ accountId: Id }).strict().meta({ id: 'AddReviewerInput' });
export type AddReviewerInput = z.input<typeof AddReviewerInput>;

/** `POST /api/reviewers/redeem`: an invite code from the challenge's owner. */
export const RedeemInviteInput = z.object({ code: z.string().trim().min(4).max(32) }).strict().meta({ id: 'RedeemInviteInput' });
export type RedeemInviteInput = z.input<typeof RedeemInviteInput>;

const Names = z.array(text(1, 160)).max(30).transform((names) => [...new Set(names)]);

/** What a reviewer declares they may not judge: organizations, and people (display names or account ids). */
export const Conflicts = z
  .object({ organizations: Names.default([]), people: Names.default([]) })
  .strict()
  .meta({ id: 'Conflicts' });
export type Conflicts = z.infer<typeof Conflicts>;

/** A recorded recusal: who stepped away from which bid, why, whether by rule (`auto`) or by choice, and when. */
export const Recusal = z
  .object({ bidId: Id, reviewerId: Id, kind: z.enum(['auto', 'manual']), reason: z.string(), recusedAt: IsoDateTime })
  .meta({ id: 'Recusal' });
export type Recusal = z.infer<typeof Recusal>;

/** `POST /api/bids/{id}/recuse`: a reviewer steps away from a bid. */
export const RecuseInput = z.object({ reason: text(1, 500) }).strict().meta({ id: 'RecuseInput' });
export type RecuseInput = z.input<typeof RecuseInput>;

/** A reviewer of a challenge as its owner sees them (never shown to bidders). */
export const Reviewer = z
  .object({
    reviewer: PublicProfile,
    challengeId: Id,
    via: z.enum(['account', 'invite']),
    conflicts: Conflicts,
    recusals: z.array(Recusal),
    scored: z.number().int().meta({ description: 'Bids scored in the current phase' }),
    assignedAt: IsoDateTime,
  })
  .meta({ id: 'Reviewer' });
export type Reviewer = z.infer<typeof Reviewer>;

/** A bid as a reviewer reads it: the content only; `bidder` is null while a blind review hides it. */
export const ReviewBid = z
  .object({
    id: Id,
    challengeId: Id,
    challengeTitle: z.string(),
    bidder: PublicProfile.nullable().meta({ description: 'null while the review is blind' }),
    summary: z.string(),
    approach: z.string(),
    price: Money,
    durationWeeks: z.number().int(),
    milestones: z.array(Milestone),
    references: z.array(PaperRef),
    status: BidStatus,
    revision: z.number().int(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'ReviewBid' });
export type ReviewBid = z.infer<typeof ReviewBid>;

/** One line of a score sheet. */
export const ScoreEntry = z
  .object({
    criterion: text(1, 80),
    score: z.number().int().min(SCORE_SCALE.min).max(SCORE_SCALE.max),
    comment: text(0, 2000).default(''),
  })
  .strict()
  .meta({ id: 'ScoreEntry' });

/** `PUT /api/bids/{id}/scores`: one entry for every criterion of the phase's rubric. */
export const ScoresInput = z.array(ScoreEntry).min(1).max(12).meta({ id: 'ScoresInput' });
export type ScoresInput = z.input<typeof ScoresInput>;

/** A reviewer's score sheet of one bid. */
export const ScoreSheet = z
  .object({
    bidId: Id,
    phase: z.number().int(),
    scores: z.array(z.object({ criterion: z.string(), score: z.number().int(), comment: z.string() })),
    weighted: z.number().meta({ description: 'Σ score × weight / 100' }),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'ScoreSheet' });
export type ScoreSheet = z.infer<typeof ScoreSheet>;

/** One bid of a reviewer's assignment: enough to find it, and whether it is scored yet. */
export const AssignedBid = z.object({ bidId: Id, summary: z.string(), status: BidStatus, scored: z.boolean() }).meta({ id: 'AssignedBid' });

/** `GET /api/me/reviews`: one challenge the caller reviews, with the bids to score and the progress. */
export const ReviewAssignment = z
  .object({
    challenge: z.object({ id: Id, title: z.string(), status: ChallengeStatus, deadline: IsoDateTime, blind: z.boolean(), phase: z.number().int(), phaseName: z.string().nullable() }),
    rubric: z.array(Criterion),
    conflicts: Conflicts,
    bids: z.array(AssignedBid).meta({ description: 'Live bids not recused from, oldest first' }),
    recused: z.number().int().meta({ description: 'How many bids the caller is recused from' }),
    progress: z.object({ scored: z.number().int(), total: z.number().int() }),
    assignedAt: IsoDateTime,
  })
  .meta({ id: 'ReviewAssignment' });
export type ReviewAssignment = z.infer<typeof ReviewAssignment>;

/** The spread of one criterion's scores over a bid's reviews. */
export const CriterionSpread = z
  .object({
    criterion: z.string(),
    weight: z.number().int(),
    mean: z.number().nullable(),
    min: z.number().int().nullable(),
    max: z.number().int().nullable(),
    stddev: z.number().nullable().meta({ description: 'Population standard deviation' }),
  })
  .meta({ id: 'CriterionSpread' });

/** A comment a reviewer left, which the owner may send the bidder as feedback (`POST /api/bids/{id}/feedback`). */
export const ReviewComment = z
  .object({ id: z.string(), reviewerId: Id, criterion: z.string(), score: z.number().int(), comment: z.string() })
  .meta({ id: 'ReviewComment' });

export const RankedBid = z
  .object({
    rank: z.number().int().nullable().meta({ description: '1 for the best weighted mean; null until reviewed' }),
    bidId: Id,
    bidder: PublicProfile,
    status: BidStatus,
    weightedMean: z.number().nullable().meta({ description: 'Mean over reviews of Σ score × weight / 100, to two decimals' }),
    reviews: z.number().int(),
    criteria: z.array(CriterionSpread),
    pendingReviewers: z.array(PublicProfile),
    comments: z.array(ReviewComment),
  })
  .meta({ id: 'RankedBid' });
export type RankedBid = z.infer<typeof RankedBid>;

/** `GET /api/challenges/{id}/ranking` (owner only): the live bids of the current phase, best first. */
export const Ranking = z
  .object({
    challengeId: Id,
    phase: z.number().int(),
    rubric: z.array(Criterion),
    reviewers: z.number().int(),
    complete: z.boolean().meta({ description: 'Every reviewer has scored every bid they are not recused from' }),
    items: z.array(RankedBid),
  })
  .meta({ id: 'Ranking' });
export type Ranking = z.infer<typeof Ranking>;

/** `POST /api/bids/{id}/feedback`: reviewer comments (ids from the ranking) to send the bidder, without names. */
export const FeedbackInput = z
  .object({ commentIds: z.array(z.string().min(1).max(200)).min(1).max(50), note: text(0, 2000).default('') })
  .strict()
  .meta({ id: 'FeedbackInput' });
export type FeedbackInput = z.input<typeof FeedbackInput>;

/** `POST /api/challenges/{id}/advance`: feedback for the bids that do not go on. */
export const AdvanceInput = z
  .object({
    feedback: text(0, 2000).default(''),
    deadline: IsoDateTime.optional().meta({ description: "A new deadline for the next phase, when its planned one has passed or is too near" }),
  })
  .strict()
  .meta({ id: 'AdvanceInput' });
export type AdvanceInput = z.input<typeof AdvanceInput>;
