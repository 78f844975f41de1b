import type { Rows, TableName } from './rows.js';

/**
 * The storage seam. Services talk only to this; lowdb implements it now (lowdb-store.ts) and a PostgreSQL
 * implementation can later, with `where` as an indexed `SELECT … WHERE col = $1` and `transact` as
 * `BEGIN … COMMIT`.
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
} satisfies { [T in TableName]: Record<string, (row: Rows[T]) => IndexValue | IndexValue[] | undefined> };

export type IndexName<T extends TableName> = keyof (typeof INDEXES)[T] & string;

/** Read access to one table. Rows come back frozen: change them through a transaction's `update`. */
export interface TableReader<T extends TableName> {
  get(id: string): Promise<Readonly<Rows[T]> | undefined>;
  where(index: IndexName<T>, value: IndexValue): Promise<Readonly<Rows[T]>[]>;
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
   * Run `fn` with write access, serialized with every other transaction. Its writes become durable
   * together before the returned promise resolves; if `fn` throws, none of them happen. If the promise
   * rejects with `StoreUnavailableError`, none of them happen either, not even after a restart. A
   * `transact` inside `fn` joins the outer transaction.
   */
  transact<R>(fn: (tx: Writers) => Promise<R>): Promise<R>;
  /** Called after each durable commit, once per transaction and in commit order, with what changed. */
  onCommit(listener: (changes: readonly Change[]) => void): () => void;
  /** Not ok while writes fail (disk full, read-only, I/O errors); ok again once a write succeeds. */
  health(): StoreHealth;
  close(): Promise<void>;
}

/** The stores throw it; the domain's callers know it from domain/errors.ts. */
export { StoreUnavailableError } from '../store-unavailable-error.js';
