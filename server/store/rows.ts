import type {
  Account,
  Achievement,
  Bid,
  Challenge,
  Notification,
  PaperRecord,
  Question,
  Subscription,
} from '../../shared/schemas/index.js';
import type { TransferMode } from '../../shared/schemas/achievement.js';
import type { Money } from '../../shared/schemas/common.js';
import type { DealMode, DealStatus } from '../../shared/schemas/deal.js';
import type { EnquiryFeedback, EnquiryStatus } from '../../shared/schemas/enquiry.js';

/**
 * What storage keeps, per table. Rows are close to the API shapes but carry private fields (hashes, the
 * asker of a question) and leave out what is joined or derived on read (owner profiles, the caller's view,
 * the current status of a challenge whose deadline passed).
 */
export interface AccountRow extends Account {
  /** scrypt hash as `scrypt$N$r$p$salt$hash` (base64); null for accounts made in Telegram without a password. */
  passwordHash: string | null;
}

export interface TokenRow {
  id: string;
  accountId: string;
  /** SHA-256 (hex) of the bearer token; the token itself is never stored. */
  hash: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A challenge's evaluation settings (§9); rows stored before evaluation existed lack them (see domain/evaluation/settings.ts). */
export type ChallengeEvaluationFields = 'rubric' | 'blind' | 'revealAt' | 'phases' | 'phase';

export interface ChallengeRow extends Omit<Challenge, 'owner' | 'viewer' | 'counters' | 'actions' | ChallengeEvaluationFields>, Partial<Pick<Challenge, ChallengeEvaluationFields>> {
  /** Every count as stored; the API leaves the bid count out while bids are sealed (domain/views.ts). */
  counters: { bids: number; saves: number; questions: number };
  cancelledAt: string | null;
  /** When the 24-hour deadline reminder went out, so it goes out once. */
  reminderSentAt: string | null;
}

export type BidRow = Omit<Bid, 'bidder' | 'challengeTitle' | 'actions'>;

export interface QuestionRow extends Omit<Question, 'mine'> {
  askerId: string;
}

/** A bookmark; its id is `${accountId}:${challengeId}` so a save is unique per pair. */
export interface SaveRow {
  id: string;
  accountId: string;
  challengeId: string;
  savedAt: string;
}

export interface PaperRow extends PaperRecord {
  /** The dedupe key: `doi:…`, `arxiv:…` or `url:…` (see shared/paper-identity). */
  identity: string;
}

export type SubscriptionRow = Subscription;

export type NotificationRow = Notification;

/** A one-time code (link or exchange); only its hash is stored. */
export interface CodeRow {
  id: string;
  /**
   * `link`: an API account links a Telegram chat; `exchange`: a Telegram account signs in the extension;
   * `review`: whoever redeems it becomes a reviewer of `challengeId` (made by its owner, `accountId`).
   */
  purpose: 'link' | 'exchange' | 'review';
  /** For `review` codes: the challenge the redeemer will review. */
  challengeId?: string;
  hash: string;
  accountId: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/**
 * The state of a person's unfinished bot forms (grammY conversations), kept so that a restart or another
 * instance carries on at the same step. Its id is `${chatId}:${userId}`.
 */
export interface ConversationRow {
  id: string;
  /** The version of the bot's forms that wrote `state`; a state of another version is never resumed. */
  version: string;
  /** The conversations plugin's state, serialized: opaque to the store and the domain. */
  state: string;
  /** Counts the writes, so that a write based on an older read is refused (two instances, one chat). */
  revision: number;
  updatedAt: string;
}

/** A Telegram update taken for handling (webhook mode); its id is `${botId}:${updateId}`, so it is taken once. */
export interface TelegramUpdateRow {
  id: string;
  receivedAt: string;
}

/**
 * A reviewer of a challenge (PRODUCT.md §9); its id is `${challengeId}:${accountId}`, so an account reviews a
 * challenge at most once. Removed reviewers are kept (`removedAt`) with their recusals and scores.
 */
export interface ReviewerRow {
  id: string;
  challengeId: string;
  accountId: string;
  /** How the reviewer came: added by account id, or by redeeming an invite code. */
  via: 'account' | 'invite';
  /** What the reviewer declared: organizations and people (names or account ids) they may not judge. */
  conflicts: { organizations: string[]; people: string[] };
  assignedAt: string;
  removedAt: string | null;
}

/** A reviewer stepping away from one bid; its id is `${accountId}:${bidId}`. Recusals are final. */
export interface RecusalRow {
  id: string;
  challengeId: string;
  bidId: string;
  accountId: string;
  /** `auto`: the bidder is of the reviewer's own or a declared organization, or a declared person. */
  kind: 'auto' | 'manual';
  reason: string;
  recusedAt: string;
}

/** One reviewer's scores of one bid in one phase; its id is `${accountId}:${bidId}:${phase}`. */
export interface ScoreRow {
  id: string;
  challengeId: string;
  bidId: string;
  accountId: string;
  phase: number;
  /** One entry per criterion of the phase's rubric, in rubric order. */
  scores: { criterion: string; score: number; comment: string }[];
  createdAt: string;
  updatedAt: string;
}

/** A catalogue entry as stored: the owner's profile is joined on read. */
export type AchievementRow = Omit<Achievement, 'owner'> & { withdrawnAt: string | null; transferredAt: string | null };

/** A sealed enquiry as stored: titles, profiles and contacts are joined on read (domain/enquiries.ts). */
export interface EnquiryRow {
  id: string;
  achievementId: string;
  /** Denormalized so that listing the owner's enquiries needs no achievement read per row. */
  achievementOwnerId: string;
  senderId: string;
  message: string;
  mode: TransferMode;
  offer: Money | null;
  status: EnquiryStatus;
  feedback: EnquiryFeedback | null;
  createdAt: string;
  updatedAt: string;
}

/** One objection to a deal; `accountId` is its author, never shown to anybody else. */
export interface ObjectionRow {
  id: string;
  accountId: string;
  reason: string;
  answer: string | null;
  createdAt: string;
  answeredAt: string | null;
}

/** A public announcement of a transfer, its objections inside it (a handful per deal at most). */
export interface DealRow {
  id: string;
  subject: 'achievement' | 'challenge';
  achievementId: string | null;
  challengeId: string | null;
  ownerId: string;
  title: string;
  counterparty: string;
  mode: DealMode;
  price: Money | null;
  status: DealStatus;
  announcedAt: string;
  objectionUntil: string;
  objections: ObjectionRow[];
  transferredAt: string | null;
  updatedAt: string;
}

export interface Rows {
  accounts: AccountRow;
  tokens: TokenRow;
  challenges: ChallengeRow;
  bids: BidRow;
  questions: QuestionRow;
  saves: SaveRow;
  papers: PaperRow;
  subscriptions: SubscriptionRow;
  notifications: NotificationRow;
  codes: CodeRow;
  conversations: ConversationRow;
  telegram_updates: TelegramUpdateRow;
  reviewers: ReviewerRow;
  recusals: RecusalRow;
  scores: ScoreRow;
  achievements: AchievementRow;
  enquiries: EnquiryRow;
  deals: DealRow;
}

export type TableName = keyof Rows;
