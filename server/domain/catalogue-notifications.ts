import type { NotificationKind } from '../../shared/schemas/notification.js';
import type { Clock } from '../clock.js';
import type { NotificationRow } from '../store/rows.js';
import type { Writers } from '../store/store.js';
import { recordNotification } from './notifications.js';

export interface CatalogueNotifyArgs {
  accountId: string;
  kind: Extract<NotificationKind, 'achievement-match' | 'solution-match' | 'enquiry-received' | 'enquiry-status' | 'deal-objection' | 'objection-answer' | 'deal-transferred'>;
  achievement: { id: string; title: string } | null;
  /** The challenge it is about, if any (a `solution-match`, or a deal on an awarded challenge). */
  challenge?: { id: string; title: string } | null;
  enquiryId?: string | null;
  dealId?: string | null;
  /** For `enquiry-status`: the enquiry's new status. */
  status?: string | null;
}

/** A notification about an achievement, an enquiry or a deal (see recordNotification). */
export async function notifyCatalogue(tx: Writers, clock: Clock, args: CatalogueNotifyArgs): Promise<NotificationRow> {
  return recordNotification(tx, clock, {
    accountId: args.accountId,
    kind: args.kind,
    challengeId: args.challenge?.id ?? null,
    challengeTitle: args.challenge?.title ?? args.achievement?.title ?? '',
    achievementId: args.achievement?.id ?? null,
    enquiryId: args.enquiryId ?? null,
    dealId: args.dealId ?? null,
    bidId: null,
    questionId: null,
    bidStatus: args.status ?? null,
  });
}
