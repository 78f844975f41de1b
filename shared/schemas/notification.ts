import { z } from 'zod';
import { Id, IsoDateTime, PageQuery } from './common.js';

export const NotificationKind = z
  .enum([
    'match',
    'bid-received',
    'bid-status',
    'question',
    'answer',
    'deadline',
    'award',
    'cancelled',
    // The owner closed the challenge before its deadline (live bidders; `reason` says why, when given).
    'closed',
    // The achievements catalogue (§8): `achievementId` says which achievement; `challengeId` is null except
    // for `solution-match` (a published challenge that the recipient's listed achievement may answer).
    'achievement-match',
    'solution-match',
    'enquiry-received',
    'enquiry-status',
    'deal-objection',
    'objection-answer',
    'deal-transferred',
    // Evaluation (§9): a reviewer was assigned; every score of the phase is in (owner); a bid went on to the
    // next phase (bidder); reviewer comments were sent as feedback (bidder).
    'review-assigned',
    'scores-complete',
    'phase-advanced',
    'feedback',
  ])
  .meta({ id: 'NotificationKind' });
export type NotificationKind = z.infer<typeof NotificationKind>;

export const CHANNELS = ['telegram'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/**
 * Delivery of one notification on one channel. `pending`: due at `nextAttemptAt`; `sending`: handed to the
 * channel and not yet confirmed (a delivery found in this state after a crash is never resent, so that no
 * message goes out twice); `failed`: an attempt failed and another is due at `nextAttemptAt` (null once given
 * up); `sent`; `skipped`: the account has no reachable chat on this channel (never linked, or it blocked the
 * bot).
 */
export const Delivery = z
  .object({
    state: z.enum(['pending', 'sending', 'sent', 'failed', 'skipped']),
    attempts: z.number().int(),
    nextAttemptAt: IsoDateTime.nullable(),
    lastError: z.string().nullable(),
    sentAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'Delivery' });
export type Delivery = z.infer<typeof Delivery>;

export const Notification = z
  .object({
    id: Id,
    accountId: Id,
    kind: NotificationKind,
    challengeId: Id.nullable().meta({ description: 'The challenge it is about; null for catalogue notifications about an achievement only' }),
    challengeTitle: z.string().meta({ description: 'The title (of the challenge, else the achievement) when the notification was made' }),
    achievementId: Id.nullish().meta({ description: 'Catalogue notifications: the achievement it is about' }),
    enquiryId: Id.nullish(),
    dealId: Id.nullish(),
    bidId: Id.nullable(),
    questionId: Id.nullable(),
    bidStatus: z.string().nullable().meta({ description: 'For bid-status and enquiry-status: the new status' }),
    reason: z.string().nullish().meta({ description: 'For closed and cancelled: the reason the owner gave, when given' }),
    read: z.boolean(),
    createdAt: IsoDateTime,
    deliveries: z.partialRecord(Channel, Delivery),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = PageQuery.extend({
  unread: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1')
    .meta({ description: 'Only unread ones' }),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

/** Mark some notifications read (`ids`), or all of them (`all: true`). */
export const MarkReadInput = z
  .union([z.object({ ids: z.array(Id).min(1).max(500) }).strict(), z.object({ all: z.literal(true) }).strict()], {
    error: 'send {"ids": [...]} with 1 to 500 notification ids, or {"all": true}',
  })
  .meta({ id: 'MarkReadInput' });
export type MarkReadInput = z.input<typeof MarkReadInput>;

/** Answer of marking read: how many changed and how many stay unread. */
export const MarkReadResult = z.object({ updated: z.number().int(), unread: z.number().int() }).meta({ id: 'MarkReadResult' });
