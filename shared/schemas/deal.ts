import { z } from 'zod';
import { Id, IsoDateTime, Money, PageQuery, text } from './common.js';
import { PublicProfile } from './account.js';
import { TransferMode } from './achievement.js';

/** How a deal transfers: an achievement's mode, or an awarded challenge's IP terms (which may be `negotiable`). */
export const DealMode = z.enum([...TransferMode.options, 'negotiable']).meta({ id: 'DealMode' });
export type DealMode = z.infer<typeof DealMode>;

/** Objection periods: 15 days unless the owner picks another length, never more than 30. */
export const DEFAULT_OBJECTION_DAYS = 15;
export const MAX_OBJECTION_DAYS = 30;

/**
 * `announced` (the objection period runs) → `transferred` (it ended with every objection answered) or
 * `contested` (it ended with an objection unanswered; answering the last one transfers it).
 */
export const DealStatus = z.enum(['announced', 'transferred', 'contested']).meta({ id: 'DealStatus' });
export type DealStatus = z.infer<typeof DealStatus>;

/** An objection as the deal's owner (every one) or its author (their own) sees it; the public sees only counts. */
export const Objection = z
  .object({
    id: Id,
    reason: z.string(),
    answer: z.string().nullable(),
    mine: z.boolean(),
    createdAt: IsoDateTime,
    answeredAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'Objection' });
export type Objection = z.infer<typeof Objection>;

/** A public announcement (公示) of a transfer: of a listed achievement, or of an awarded challenge. */
export const Deal = z
  .object({
    id: Id,
    subject: z.enum(['achievement', 'challenge']),
    achievementId: Id.nullable(),
    challengeId: Id.nullable(),
    title: z.string().meta({ description: 'The achievement or challenge title' }),
    owner: PublicProfile,
    counterparty: z.string(),
    mode: DealMode,
    price: Money.nullable(),
    status: DealStatus,
    announcedAt: IsoDateTime,
    objectionUntil: IsoDateTime,
    objectionCount: z.number().int(),
    unresolvedObjections: z.number().int(),
    objections: z
      .array(Objection)
      .optional()
      .meta({ description: 'Objection texts: every one for the owner, their own for an objector; absent for others' }),
    transferredAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'Deal' });
export type Deal = z.infer<typeof Deal>;

const objectionDays = z.number().int().min(1).max(MAX_OBJECTION_DAYS);

export const DealCreateInput = z
  .object({
    counterparty: text(1, 200),
    mode: TransferMode,
    price: Money.nullable().default(null),
    objectionDays: objectionDays.default(DEFAULT_OBJECTION_DAYS).meta({ description: 'Length of the objection period in days (default 15, at most 30)' }),
  })
  .strict()
  .meta({ id: 'DealCreateInput' });
export type DealCreateInput = z.input<typeof DealCreateInput>;

/** The announcement option of an award: announce it as a deal with this objection period. */
export const AwardAnnouncement = z
  .object({ objectionDays: objectionDays.default(DEFAULT_OBJECTION_DAYS) })
  .strict()
  .meta({ id: 'AwardAnnouncement' });

export const ObjectionInput = z.object({ reason: text(10, 3000) }).strict().meta({ id: 'ObjectionInput' });
export type ObjectionInput = z.input<typeof ObjectionInput>;

export const ObjectionAnswerInput = z.object({ answer: text(1, 3000) }).strict().meta({ id: 'ObjectionAnswerInput' });
export type ObjectionAnswerInput = z.input<typeof ObjectionAnswerInput>;

export const DealListQuery = PageQuery.extend({ status: DealStatus.optional() });
export type DealListQuery = z.infer<typeof DealListQuery>;
