/**
 * The two ways a transaction can lose to another, in a leaf module beside store-unavailable-error.ts: the
 * stores throw them, the domain turns them into its own refusals (domain/store-conflicts.ts) and the API
 * answers them, without either layer importing the other's module for them.
 */

/**
 * The uniqueness rules both stores enforce, by name: in PostgreSQL the unique index of that name
 * (store/pg/migrations/001_tables.sql), in lowdb the key of UNIQUE_KEYS (store/store.ts).
 */
export const UNIQUE_CONSTRAINTS = [
  'accounts_email',
  'accounts_telegram_user_id',
  'tokens_hash',
  'codes_hash',
  'bids_one_live_per_bidder',
  'saves_one_per_account',
  'papers_owner_identity',
] as const;
export type UniqueConstraint = (typeof UNIQUE_CONSTRAINTS)[number];

/**
 * A write that would break a uniqueness rule (two accounts with one email, a second live bid…). The
 * transaction it happened in is over, even if its function caught this: `transact` rejects with this
 * error and nothing of it is kept. The domain maps it to a 409 conflict.
 */
export class UniqueViolationError extends Error {
  constructor(
    readonly constraint: UniqueConstraint,
    message = `This would break the uniqueness rule ${constraint}`,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UniqueViolationError';
  }
}

/**
 * A transaction that kept failing on conflicts with concurrent ones (serialization failures, deadlocks)
 * and was given up after `attempts` runs. Nothing of it happened; the same request may simply be sent
 * again (the API answers 503 with Retry-After).
 */
export class TransactionConflictError extends Error {
  constructor(
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(`The transaction conflicted with concurrent ones ${attempts} times in a row; try again`, options);
    this.name = 'TransactionConflictError';
  }
}
