import pg from 'pg';
import { StoreUnavailableError } from '../store.js';

/**
 * The uniqueness rules both stores enforce, by name (in PostgreSQL, the unique index of that name in
 * migrations/001_tables.sql).
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
 * transaction it happened in is over: `transact` rejects with this error and nothing of it is kept. The
 * domain maps it to 409.
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

/** SQLSTATEs after which the transaction did not happen and may simply run again. */
const RETRYABLE = new Set(['40001' /* serialization_failure */, '40P01' /* deadlock_detected */]);

/** The SQLSTATE of an error PostgreSQL reported (other errors, the domain's included, have none here). */
function sqlState(error: unknown): string | undefined {
  return error instanceof pg.DatabaseError ? error.code : undefined;
}

/** True for a serialization failure or a deadlock: PostgreSQL rolled the transaction back, and a retry may pass. */
export function isRetryable(error: unknown): boolean {
  return RETRYABLE.has(sqlState(error) ?? '');
}

/**
 * True when the database could not be reached or refused work for a reason of its own (connection lost or
 * refused, shutting down, too many connections, disk full): SQLSTATE classes 08, 53 and 57P, Node's socket
 * errors (they name a `syscall`), and what `pg` itself says when a connection ends or cannot be had.
 */
function isUnavailable(error: unknown): boolean {
  const code = sqlState(error);
  if (code) return /^(08|53|57P)/.test(code);
  if (!(error instanceof Error)) return false;
  if ('syscall' in error) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client was closed|Cannot use a pool after calling end/i.test(error.message);
}

/**
 * What the rest of the program should see for an error from `pg`: a UniqueViolationError for a known
 * uniqueness rule, a StoreUnavailableError when the database is out of reach, anything else unchanged.
 */
export function toStoreError(error: unknown): unknown {
  if (error instanceof UniqueViolationError || error instanceof StoreUnavailableError) return error;
  const constraint = error instanceof pg.DatabaseError ? error.constraint : undefined;
  if (sqlState(error) === '23505' && (UNIQUE_CONSTRAINTS as readonly string[]).includes(constraint ?? '')) {
    return new UniqueViolationError(constraint as UniqueConstraint, undefined, { cause: error });
  }
  if (isUnavailable(error)) return new StoreUnavailableError(`The database is unavailable: ${(error as Error).message}`, { cause: error });
  return error;
}

/** A transaction that kept failing on serialization conflicts or deadlocks, and was given up after `attempts` runs. */
export class TransactionConflictError extends Error {
  constructor(
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(`The transaction conflicted with concurrent ones ${attempts} times in a row; try again`, options);
    this.name = 'TransactionConflictError';
  }
}
