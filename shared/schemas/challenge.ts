import { z } from 'zod';
import { FieldId, FieldList, Id, IsoDateTime, KeywordList, Money, PageQuery, text } from './common.js';
import { PublicProfile } from './account.js';
import { AwardAnnouncement } from './deal.js';
import { Phases, RevealAt, Rubric } from './rubric.js';

export const ChallengeType = z.enum(['ideation', 'theoretical', 'prototype', 'rfp']).meta({ id: 'ChallengeType' });
export type ChallengeType = z.infer<typeof ChallengeType>;

export const IpTerms = z
  .enum(['assignment', 'exclusive-license', 'nonexclusive-license', 'joint-rd', 'equity', 'negotiable'])
  .meta({ id: 'IpTerms' });
export type IpTerms = z.infer<typeof IpTerms>;

/** `draft` → `open` → `closed` → `awarded`; `cancelled` from draft, open or closed. */
export const ChallengeStatus = z.enum(['draft', 'open', 'closed', 'awarded', 'cancelled']).meta({ id: 'ChallengeStatus' });
export type ChallengeStatus = z.infer<typeof ChallengeStatus>;

/**
 * What a caller may do to a challenge now, computed by the server from its lifecycle and the caller's
 * permissions, so clients draw buttons from it instead of re-encoding the rules.
 */
export const ChallengeActionName = z
  .enum(['edit', 'publish', 'close', 'cancel', 'award', 'bid', 'ask', 'save', 'unsave'])
  .meta({ id: 'ChallengeActionName' });
export type ChallengeActionName = z.infer<typeof ChallengeActionName>;

/** The award of a challenge: the winning bid, who won, how much, and the enterprise's note. */
export const Award = z
  .object({
    bidId: Id,
    winner: PublicProfile,
    amount: Money,
    note: z.string(),
    awardedAt: IsoDateTime,
  })
  .meta({ id: 'Award' });
export type Award = z.infer<typeof Award>;

export const ChallengeCounters = z.object({
  bids: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Bids are sealed: null while the challenge has not closed, except for its owner; public once it closes' }),
  saves: z.number().int(),
  questions: z.number().int(),
});

/** What the caller's own relation to a challenge is; present only for signed-in callers. */
export const ChallengeViewer = z.object({
  isOwner: z.boolean(),
  saved: z.boolean(),
  bidId: Id.nullable().meta({ description: "The caller's live bid on this challenge, if any" }),
});

export const Challenge = z
  .object({
    id: Id,
    ownerId: Id,
    owner: PublicProfile,
    title: z.string(),
    summary: z.string(),
    description: z.string(),
    fields: z.array(FieldId),
    keywords: z.array(z.string()),
    type: ChallengeType,
    reward: Money,
    deadline: IsoDateTime,
    ipTerms: IpTerms,
    status: ChallengeStatus.meta({ description: 'Always current: an open challenge whose deadline passed reads as closed' }),
    award: Award.nullable(),
    counters: ChallengeCounters,
    viewer: ChallengeViewer.optional(),
    actions: z
      .array(ChallengeActionName)
      .optional()
      .meta({ description: 'What the caller may do now; always filled by the server (optional only for older clients)' }),
    rubric: Rubric.meta({ description: 'The criteria bids are scored on (public); fixed once the first score is given' }),
    blind: z.boolean().meta({ description: "Reviewers read bids without the bidder's name, organization or account" }),
    revealAt: RevealAt,
    phases: Phases,
    phase: z.number().int().min(0).meta({ description: 'Index of the current phase (0 without phases)' }),
    createdAt: IsoDateTime,
    publishedAt: IsoDateTime.nullable(),
    closedAt: IsoDateTime.nullable(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Challenge' });
export type Challenge = z.infer<typeof Challenge>;

const DAY_MS = 24 * 60 * 60_000;
/** How far ahead a deadline may lie: five years of 366 days, so any five calendar years fit. */
export const MAX_DEADLINE_AHEAD_MS = 5 * 366 * DAY_MS;

/**
 * Why `deadline` cannot be set at `now`: `past` when it is not in the future, `too-far` when it lies more
 * than five years ahead (a typo such as 2062 for 2026, or a year no client can send back); null when it can.
 * The rule needs the caller's clock, so it is a function beside the schemas rather than a refinement.
 */
export function deadlineProblem(deadline: string, now: Date): 'past' | 'too-far' | null {
  const ahead = Date.parse(deadline) - now.getTime();
  if (!(ahead > 0)) return 'past';
  return ahead > MAX_DEADLINE_AHEAD_MS ? 'too-far' : null;
}

const Deadline = IsoDateTime.meta({ description: 'In the future and at most five years ahead' });

export const ChallengeCreateInput = z
  .object({
    title: text(3, 160),
    summary: text(10, 600),
    description: text(0, 20000).default(''),
    fields: FieldList.pipe(z.array(FieldId).min(1, 'pick at least one field')),
    keywords: KeywordList.default([]),
    type: ChallengeType.default('rfp'),
    reward: Money,
    deadline: Deadline.optional().meta({ description: "Required without phases; with phases it is the first phase's deadline" }),
    ipTerms: IpTerms.default('negotiable'),
    rubric: Rubric.default([]),
    blind: z.boolean().default(false),
    revealAt: RevealAt.default('award'),
    phases: Phases.default([]),
  })
  .strict()
  .refine((c) => c.deadline !== undefined || c.phases.length > 0, { message: 'a deadline is required (or phases, each with its own)', path: ['deadline'] })
  .meta({ id: 'ChallengeCreateInput' });
export type ChallengeCreateInput = z.input<typeof ChallengeCreateInput>;

/**
 * Changes to a challenge. A draft accepts any change; an open challenge may only raise its reward and
 * extend its deadline, and keeps its type and IP terms once a bid has arrived (bidders relied on them).
 */
export const ChallengeUpdateInput = z
  .object({
    title: text(3, 160),
    summary: text(10, 600),
    description: text(0, 20000),
    fields: FieldList.pipe(z.array(FieldId).min(1, 'pick at least one field')),
    keywords: KeywordList,
    type: ChallengeType,
    reward: Money,
    deadline: Deadline,
    ipTerms: IpTerms,
    rubric: Rubric,
    blind: z.boolean(),
    revealAt: RevealAt,
    phases: Phases,
  })
  .partial()
  .strict()
  .meta({ id: 'ChallengeUpdateInput' });
export type ChallengeUpdateInput = z.input<typeof ChallengeUpdateInput>;

export const ChallengeSort = z.enum(['relevance', 'newest', 'deadline', 'reward']);
export type ChallengeSort = z.infer<typeof ChallengeSort>;

export const ChallengeListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional().meta({ description: 'Search words, English or Chinese' }),
  field: z
    .string()
    .max(400)
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const ids = s.split(',').map((x) => x.trim()).filter(Boolean);
      const parsed = z.array(FieldId).safeParse(ids);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `unknown field in "${s}"; see GET /api/fields` });
        return z.NEVER;
      }
      return parsed.data;
    })
    .meta({ description: 'One field id, or several separated by commas (any of them matches)' }),
  status: ChallengeStatus.optional().meta({ description: 'Default: open. `draft` needs owner=me' }),
  minReward: z.coerce.number().nonnegative().optional(),
  owner: z.literal('me').optional().meta({ description: "`me`: the caller's own challenges, drafts included" }),
  sort: ChallengeSort.optional().meta({ description: 'Default: relevance with q, newest without' }),
});
export type ChallengeListQuery = z.infer<typeof ChallengeListQuery>;

/**
 * Closing early or cancelling: the reason the owner gives, if any, which the bidders' notification
 * carries. The body is optional, so a bare POST still closes or cancels.
 */
export const ChallengeEndInput = z
  .object({ reason: text(0, 1000).optional().meta({ description: 'Told to the bidders (and, on cancel, those who saved it)' }) })
  .strict()
  .meta({ id: 'ChallengeEndInput' });
export type ChallengeEndInput = z.input<typeof ChallengeEndInput>;

export const AwardInput = z
  .object({
    bidId: Id,
    note: text(0, 2000).default(''),
    announce: AwardAnnouncement.optional().meta({ description: 'Also announce the award as a public deal (公示) with an objection period' }),
  })
  .strict()
  .meta({ id: 'AwardInput' });
export type AwardInput = z.input<typeof AwardInput>;

/** A public award announcement (`GET /api/awards`, the board's awards page). */
export const Announcement = z
  .object({
    challengeId: Id,
    challengeTitle: z.string(),
    fields: z.array(FieldId),
    enterprise: PublicProfile,
    winner: PublicProfile,
    amount: Money,
    note: z.string(),
    awardedAt: IsoDateTime,
  })
  .meta({ id: 'Announcement' });
export type Announcement = z.infer<typeof Announcement>;
