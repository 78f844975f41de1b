import { z } from 'zod';
import { Id, IsoDateTime, Money, PageQuery, text } from './common.js';
import { PublicProfile } from './account.js';
import { TransferMode } from './achievement.js';

/** `sent` → `accepted` | `declined` (by the achievement's owner) | `withdrawn` (by the sender). */
export const EnquiryStatus = z.enum(['sent', 'accepted', 'declined', 'withdrawn']).meta({ id: 'EnquiryStatus' });
export type EnquiryStatus = z.infer<typeof EnquiryStatus>;

export const DeclineReason = z
  .enum(['too-early', 'benefit-unclear', 'route-to-market-unclear', 'outside-scope', 'price', 'other'])
  .meta({ id: 'DeclineReason' });
export type DeclineReason = z.infer<typeof DeclineReason>;

export const EnquiryFeedback = z.object({ reason: DeclineReason, note: z.string() }).meta({ id: 'EnquiryFeedback' });
export type EnquiryFeedback = z.infer<typeof EnquiryFeedback>;

/** How to reach one side of an accepted enquiry. */
export const Contact = z
  .object({
    displayName: z.string(),
    organization: z.string(),
    email: z.string().nullable(),
    telegram: z.string().nullable().meta({ description: 'Telegram username, without @' }),
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof Contact>;

/**
 * An enterprise's sealed approach to a listed achievement: only its sender and the achievement's owner
 * see it, and `contacts` is filled only once the owner accepted.
 */
export const Enquiry = z
  .object({
    id: Id,
    achievementId: Id,
    achievementTitle: z.string(),
    senderId: Id,
    sender: PublicProfile,
    message: z.string(),
    mode: TransferMode,
    offer: Money.nullable(),
    status: EnquiryStatus,
    feedback: EnquiryFeedback.nullable(),
    contacts: z
      .object({ sender: Contact, owner: Contact })
      .nullable()
      .meta({ description: 'Both sides’ contact details: present only once accepted' }),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Enquiry' });
export type Enquiry = z.infer<typeof Enquiry>;

export const EnquiryCreateInput = z
  .object({ message: text(10, 5000), mode: TransferMode, offer: Money.nullable().default(null) })
  .strict()
  .meta({ id: 'EnquiryCreateInput' });
export type EnquiryCreateInput = z.input<typeof EnquiryCreateInput>;

export const DeclineInput = z
  .object({ reason: DeclineReason, note: text(0, 2000).default('') })
  .strict()
  .meta({ id: 'DeclineInput' });
export type DeclineInput = z.input<typeof DeclineInput>;

export const EnquiryListQuery = PageQuery;
