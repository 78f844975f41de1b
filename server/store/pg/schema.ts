import type { TableName } from '../rows.js';
import type { IndexName } from '../store.js';

/**
 * The SQL column behind each index of INDEXES (server/store/store.ts), per table; migrations/001_tables.sql
 * generates each from the row. Typed so that a new index does not compile until it has its column.
 */
export const INDEX_COLUMNS = {
  accounts: { email: 'email', telegramUserId: 'telegram_user_id' },
  tokens: { hash: 'hash', accountId: 'account_id' },
  challenges: { ownerId: 'owner_id', status: 'status' },
  bids: { challengeId: 'challenge_id', bidderId: 'bidder_id' },
  questions: { challengeId: 'challenge_id' },
  saves: { accountId: 'account_id', challengeId: 'challenge_id' },
  papers: { ownerId: 'owner_id', ownerIdentity: 'owner_identity' },
  subscriptions: { accountId: 'account_id' },
  notifications: { accountId: 'account_id', unread: 'unread_account_id', pendingTelegram: 'pending_telegram' },
  codes: { hash: 'hash', accountId: 'account_id' },
  conversations: { day: 'day' },
  telegram_updates: { day: 'day' },
  reviewers: { challengeId: 'challenge_id', accountId: 'account_id' },
  recusals: { challengeId: 'challenge_id' },
  scores: { challengeId: 'challenge_id' },
  achievements: { ownerId: 'owner_id', status: 'status' },
  enquiries: { achievementId: 'achievement_id', senderId: 'sender_id', achievementOwnerId: 'achievement_owner_id' },
  deals: { status: 'status', achievementId: 'achievement_id' },
} as const satisfies { [T in TableName]: Record<IndexName<T>, string> };

/** Session-wide and transaction-level advisory lock keys; one number space per database. */
export const ADVISORY_LOCKS = {
  /** Held while migrations run, so that instances starting together migrate once. */
  migrations: 7_390_001,
  /** Held from appending to `changes` until commit: makes `seq` visible in commit order. */
  changeFeedOrder: 7_390_002,
} as const;

/** The NOTIFY channel that wakes the change feed's tailers. */
export const CHANGES_CHANNEL = 'tenderlab_changes';
