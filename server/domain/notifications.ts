import type { Delivery, MarkReadInput, Notification, NotificationKind, NotificationListQuery } from '../../shared/schemas/notification.js';
import type { Page } from '../../shared/schemas/common.js';
import type { Clock } from '../clock.js';
import type { AccountRow, ChallengeRow, NotificationRow } from '../store/rows.js';
import { LIST_KEYS, type Readers, type Store, type Writers } from '../store/store.js';
import { LIVE_BID_STATUSES } from '../../shared/schemas/bid.js';
import { newId } from './ids.js';
import { keysetPage } from './pagination.js';
import { requireAccount, type Actor } from './permissions.js';

export interface NotifyArgs {
  accountId: string;
  kind: NotificationKind;
  challenge: Pick<ChallengeRow, 'id' | 'title'>;
  bidId?: string | null;
  questionId?: string | null;
  bidStatus?: string | null;
  /** Closed and cancelled: the owner's reason, kept only when one was given. */
  reason?: string;
}

/** The Telegram delivery a new notification starts with: pending when the account has a reachable chat. */
function initialTelegramDelivery(account: Readonly<AccountRow> | undefined, now: string): Delivery {
  if (account?.telegram && !account.telegram.blocked) {
    return { state: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, sentAt: null };
  }
  return {
    state: 'skipped',
    attempts: 0,
    nextAttemptAt: null,
    lastError: account?.telegram?.blocked ? 'blocked' : 'no telegram chat',
    sentAt: null,
  };
}

/** What an event says in its notification; the outbox adds the id, the time, the unread mark and the delivery. */
export type NotificationContent = Omit<NotificationRow, 'id' | 'read' | 'createdAt' | 'deliveries'>;

/**
 * Record a notification in the outbox, inside the caller's transaction so it exists exactly when the
 * event does. The dispatcher delivers it later; the API lists it at once. Every kind of notification,
 * about challenges or the catalogue, is made here.
 */
export async function recordNotification(tx: Writers, clock: Clock, content: NotificationContent): Promise<NotificationRow> {
  const now = clock.now().toISOString();
  const account = await tx.accounts.get(content.accountId);
  return tx.notifications.insert({
    id: newId('ntf'),
    ...content,
    read: false,
    createdAt: now,
    deliveries: { telegram: initialTelegramDelivery(account, now) },
  });
}

/** A notification about a challenge (see recordNotification). */
export async function notify(tx: Writers, clock: Clock, args: NotifyArgs): Promise<NotificationRow> {
  return recordNotification(tx, clock, {
    accountId: args.accountId,
    kind: args.kind,
    challengeId: args.challenge.id,
    challengeTitle: args.challenge.title,
    bidId: args.bidId ?? null,
    questionId: args.questionId ?? null,
    bidStatus: args.bidStatus ?? null,
    ...(args.reason ? { reason: args.reason } : {}),
  });
}

/** The researchers following a challenge: its live bidders and those who saved it, never its owner. */
export async function followersOf(tables: Readers, challenge: Pick<ChallengeRow, 'id' | 'ownerId'>): Promise<string[]> {
  const bidders = (await tables.bids.where('challengeId', challenge.id)).filter((b) => LIVE_BID_STATUSES.includes(b.status)).map((b) => b.bidderId);
  const savers = (await tables.saves.where('challengeId', challenge.id)).map((s) => s.accountId);
  return [...new Set([...bidders, ...savers])].filter((id) => id !== challenge.ownerId);
}


/** A person's notifications: list (newest first), unread count, mark read. */
export function createNotificationService({ store }: { store: Store; clock: Clock }) {
  return {
    /** A page of the caller's notifications (newest first) and how many of all of them are unread. */
    async list(actor: Actor, query: NotificationListQuery): Promise<Page<Notification> & { unread: number }> {
      const account = requireAccount(actor);
      const [page, unread] = await Promise.all([
        keysetPage(
          query,
          (window) => store.tables.notifications.page(query.unread ? 'unread' : 'accountId', account.id, { direction: 'desc', ...window }),
          LIST_KEYS.notifications,
        ),
        store.tables.notifications.countWhere('unread', account.id),
      ]);
      return { ...page, unread };
    },

    /** Marks the caller's own notifications read; ids that are not theirs are ignored. */
    async markRead(actor: Actor, input: MarkReadInput): Promise<{ updated: number; unread: number }> {
      const account = requireAccount(actor);
      return store.transact(async (tx) => {
        const wanted = 'ids' in input ? new Set(input.ids) : null;
        let updated = 0;
        let unread = 0;
        for (const n of await tx.notifications.where('unread', account.id)) {
          if (wanted && !wanted.has(n.id)) {
            unread++;
            continue;
          }
          await tx.notifications.update(n.id, { read: true });
          updated++;
        }
        return { updated, unread };
      });
    },
  };
}

