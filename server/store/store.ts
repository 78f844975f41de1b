import { LIVE_BID_STATUSES } from '../../shared/schemas/bid.js';
import type { UniqueConstraint } from '../store-conflict-errors.js';
import type { Rows, TableName } from './rows.js';

/**
 * The storage seam. Services talk only to this; two stores implement it: the embedded lowdb store
 * (lowdb-store.ts, one process) and PostgreSQL (pg/pg-store.ts, any number of instances on one database).
 * test/server/store/contract/ holds what both promise.
 */

export type IndexValue = string | number | boolean;

/** Secondary indexes per table: the names `where` accepts. Each maps a row to zero or more keys. */
export const INDEXES = {
  accounts: {
    email: (a) => a.email ?? undefined,
    telegramUserId: (a) => a.telegram?.userId,
  },
  tokens: { hash: (t) => t.hash, accountId: (t) => t.accountId },
  challenges: { ownerId: (c) => c.ownerId, status: (c) => c.status },
  bids: { challengeId: (b) => b.challengeId, bidderId: (b) => b.bidderId },
  questions: { challengeId: (q) => q.challengeId },
  saves: { accountId: (s) => s.accountId, challengeId: (s) => s.challengeId },
  papers: { ownerId: (p) => p.ownerId, ownerIdentity: (p) => `${p.ownerId} ${p.identity}` },
  subscriptions: { accountId: (s) => s.accountId },
  notifications: {
    accountId: (n) => n.accountId,
    /** The account of an unread notification: a person's unread ones, counted and listed without the read ones. */
    unread: (n) => (n.read ? undefined : n.accountId),
    /** The outbox's work list: `'waiting'` for deliveries with an attempt due at `nextAttemptAt`, `'sending'` in flight. */
    pendingTelegram: (n) => {
      const d = n.deliveries.telegram;
      if (d?.state === 'sending') return 'sending';
      return d?.state === 'pending' || (d?.state === 'failed' && d.nextAttemptAt) ? 'waiting' : undefined;
    },
  },
  codes: { hash: (c) => c.hash, accountId: (c) => c.accountId },
  /** `day` (UTC, `YYYY-MM-DD`) of the last write or the receipt: what the TTL prunes look rows up by. */
  conversations: { day: (c) => c.updatedAt.slice(0, 10) },
  telegram_updates: { day: (u) => u.receivedAt.slice(0, 10) },
  reviewers: { challengeId: (r) => r.challengeId, accountId: (r) => r.accountId },
  recusals: { challengeId: (r) => r.challengeId },
  scores: { challengeId: (s) => s.challengeId },
  achievements: { ownerId: (a) => a.ownerId, status: (a) => a.status },
  enquiries: { achievementId: (e) => e.achievementId, senderId: (e) => e.senderId, achievementOwnerId: (e) => e.achievementOwnerId },
  /** `status` lists the public announcements; `achievementId` finds an achievement's deal. */
  deals: { status: (d) => d.status, achievementId: (d) => d.achievementId ?? undefined },
} satisfies { [T in TableName]: Record<string, (row: Rows[T]) => IndexValue | IndexValue[] | undefined> };

/** One uniqueness rule: at most one row of `table` per key; rows whose key is undefined are exempt. */
export interface UniqueKey<T extends TableName = TableName> {
  table: T;
  key: (row: Readonly<Rows[T]>) => string | undefined;
}

const uniqueKey = <T extends TableName>(table: T, key: (row: Readonly<Rows[T]>) => string | undefined): UniqueKey<T> => ({ table, key });

/**
 * The uniqueness rules, by the name both stores raise them under (UniqueViolationError): lowdb checks these
 * keys, PostgreSQL the unique indexes of the same names in pg/migrations/001_tables.sql, which must agree.
 */
export const UNIQUE_KEYS: { [C in UniqueConstraint]: { [T in TableName]: UniqueKey<T> }[TableName] } = {
  accounts_email: uniqueKey('accounts', (a) => a.email ?? undefined),
  accounts_telegram_user_id: uniqueKey('accounts', (a) => (a.telegram ? String(a.telegram.userId) : undefined)),
  tokens_hash: uniqueKey('tokens', (t) => t.hash),
  codes_hash: uniqueKey('codes', (c) => c.hash),
  bids_one_live_per_bidder: uniqueKey('bids', (b) => (LIVE_BID_STATUSES.includes(b.status) ? `${b.challengeId} ${b.bidderId}` : undefined)),
  saves_one_per_account: uniqueKey('saves', (s) => `${s.accountId} ${s.challengeId}`),
  papers_owner_identity: uniqueKey('papers', (p) => `${p.ownerId} ${p.identity}`),
};

export type IndexName<T extends TableName> = keyof (typeof INDEXES)[T] & string;

/**
 * The list order of each table whose rows are listed page by page: a sort key per row, compared as strings
 * in code point order (PostgreSQL: the `list_key` column, COLLATE "C", migrations/003). The keys end in the
 * row id, so they are unique, and they are what list cursors name (domain/pagination.ts).
 */
export const LIST_KEYS = {
  bids: (b) => `${b.createdAt}|${b.id}`,
  questions: (q) => `${q.askedAt}|${q.id}`,
  saves: (s) => `${s.savedAt}|${s.id}`,
  papers: (p) => `${p.createdAt}|${p.id}`,
  subscriptions: (s) => `${s.createdAt}|${s.id}`,
  notifications: (n) => `${n.createdAt}|${n.id}`,
  achievements: (a) => `${a.createdAt}|${a.id}`,
  enquiries: (e) => `${e.createdAt}|${e.id}`,
  deals: (d) => `${d.announcedAt}|${d.id}`,
} satisfies { [T in TableName]?: (row: Rows[T]) => string };

/** The tables with a list order: the ones `page` works on. */
export type ListedTable = keyof typeof LIST_KEYS;

/** Which slice of a list `page` returns. */
export interface PageWindow {
  /** `asc`: smallest list key first; `desc`: largest first. */
  direction: 'asc' | 'desc';
  /** Only rows whose list key comes after this one in `direction` (a cursor's key; the row itself may be gone). */
  after?: string;
  /** At most this many rows. */
  limit: number;
}

/** Read access to one table. Rows come back frozen: change them through a transaction's `update`. */
export interface TableReader<T extends TableName> {
  get(id: string): Promise<Readonly<Rows[T]> | undefined>;
  /** The rows with these ids, in one read (PostgreSQL: one `WHERE id = ANY($1)`); ids without a row are absent. */
  getMany(ids: readonly string[]): Promise<Map<string, Readonly<Rows[T]>>>;
  where(index: IndexName<T>, value: IndexValue): Promise<Readonly<Rows[T]>[]>;
  /** How many rows `where(index, value)` would return, without reading them. */
  countWhere(index: IndexName<T>, value: IndexValue): Promise<number>;
  /**
   * One window of `where(index, value)` in list order (LIST_KEYS), pushed down: PostgreSQL answers it with
   * `ORDER BY list_key … LIMIT` on an index, never reading the rest. Only for a ListedTable.
   */
  page(index: IndexName<T>, value: IndexValue, window: PageWindow): Promise<Readonly<Rows[T]>[]>;
  all(): Promise<Readonly<Rows[T]>[]>;
  count(): Promise<number>;
}

/** Write access inside a transaction. */
export interface TableWriter<T extends TableName> extends TableReader<T> {
  /** Fails if the id exists. */
  insert(row: Rows[T]): Promise<Readonly<Rows[T]>>;
  /** Shallow-merges `patch` (or applies `fn`) into the row with this id; fails if there is none. */
  update(id: string, patch: Partial<Rows[T]> | ((row: Readonly<Rows[T]>) => Rows[T])): Promise<Readonly<Rows[T]>>;
  /** True if a row was removed. */
  remove(id: string): Promise<boolean>;
}

export type Readers = { [T in TableName]: TableReader<T> };
export type Writers = { [T in TableName]: TableWriter<T> };

/** One committed change to one row: `before` null on insert, `after` null on removal. */
export interface Change<T extends TableName = TableName> {
  table: T;
  id: string;
  before: Readonly<Rows[T]> | null;
  after: Readonly<Rows[T]> | null;
}

/** Whether the store can write now; `reason` says why not (for `/healthz` and the logs). */
export type StoreHealth = { ok: true } | { ok: false; reason: string };

export interface Store {
  /** Reads outside a transaction: only what is durable, never a write still waiting for its fsync. */
  readonly tables: Readers;
  /**
   * Run `fn` with write access, as one serializable transaction: its outcome is as if it ran alone, after
   * every transaction committed before it and before every one after. Its writes become durable together
   * before the returned promise resolves; if `fn` throws, none of them happen. If the promise rejects with
   * `StoreUnavailableError`, none of them happen either, not even after a restart. A `transact` inside `fn`
   * joins the outer transaction.
   *
   * The contract both stores follow, and the domain with them:
   * - `fn` may run more than once (PostgreSQL runs it again after a serialization failure or deadlock, up
   *   to a bound, then rejects with `TransactionConflictError`). So `fn` reads and writes through `tx` only
   *   and has no other effect: no in-memory state changed, no message sent, no timer set. What must follow
   *   a commit goes after the awaited `transact`, or in an `onCommit` listener. Only the last run's result
   *   is returned.
   * - Reads inside `fn` go through `tx` (`store.tables` there is the committed state in lowdb, the
   *   transaction's in PostgreSQL: never rely on either).
   * - A write breaking a rule of UNIQUE_KEYS rejects with `UniqueViolationError` naming it, and the whole
   *   transaction is undone, even if `fn` caught the error.
   */
  transact<R>(fn: (tx: Writers) => Promise<R>): Promise<R>;
  /** Called after each durable commit, once per transaction and in commit order, with what changed. */
  onCommit(listener: (changes: readonly Change[]) => void): () => void;
  /** Not ok while writes fail (disk full, read-only, I/O errors); ok again once a write succeeds. */
  health(): StoreHealth;
  close(): Promise<void>;
}

/** The stores throw these; the domain's callers know them from domain/errors.ts. */
export { StoreUnavailableError } from '../store-unavailable-error.js';
export { TransactionConflictError, UNIQUE_CONSTRAINTS, UniqueViolationError, type UniqueConstraint } from '../store-conflict-errors.js';
