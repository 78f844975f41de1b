import { z } from 'zod';
import { FieldId, FieldList, Id, IsoDateTime, text } from './common.js';

/** What a subscription alerts on: newly published challenges, newly listed achievements, or both. */
export const SubscriptionTarget = z.enum(['challenges', 'achievements', 'both']).meta({ id: 'SubscriptionTarget' });
export type SubscriptionTarget = z.infer<typeof SubscriptionTarget>;

/**
 * A saved search: every newly published challenge matching its keywords, one of its fields (when given)
 * and at least its minimum reward raises one `match` alert. The keywords are alternatives (commas, `|`,
 * `OR`, 或); an alternative matches when at least half its words or terms are in the challenge, in English
 * or Chinese; `rule` says so in the subscriber's language.
 */
export const Subscription = z
  .object({
    id: Id,
    accountId: Id,
    keywords: z.string(),
    fields: z.array(FieldId),
    minReward: z.number().nullable().meta({ description: "Compared with the reward amount in the challenge's currency" }),
    active: z.boolean(),
    target: SubscriptionTarget.optional().meta({ description: 'What it alerts on; `challenges` when absent' }),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    rule: z
      .string()
      .optional()
      .meta({ description: "How it matches, in the subscriber's language, to show on subscribing; always sent by this server" }),
  })
  .meta({ id: 'Subscription' });
export type Subscription = z.infer<typeof Subscription>;

const subscriptionFields = {
  keywords: text(0, 300),
  fields: FieldList,
  minReward: z.number().nonnegative().max(1e12).nullable(),
  active: z.boolean(),
  target: SubscriptionTarget,
};

export const SubscriptionCreateInput = z
  .object({
    keywords: subscriptionFields.keywords.default(''),
    fields: subscriptionFields.fields.default([]),
    minReward: subscriptionFields.minReward.default(null),
    active: subscriptionFields.active.default(true),
    target: subscriptionFields.target.default('challenges'),
  })
  .strict()
  .refine((s) => s.keywords.length > 0 || s.fields.length > 0, {
    message: 'give keywords, fields, or both',
    path: ['keywords'],
  })
  .meta({ id: 'SubscriptionCreateInput' });
export type SubscriptionCreateInput = z.input<typeof SubscriptionCreateInput>;

export const SubscriptionUpdateInput = z
  .object(subscriptionFields)
  .partial()
  .strict()
  .meta({ id: 'SubscriptionUpdateInput' });
export type SubscriptionUpdateInput = z.input<typeof SubscriptionUpdateInput>;
