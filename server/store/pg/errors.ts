import pg from 'pg';
import { UNIQUE_CONSTRAINTS, UniqueViolationError, type UniqueConstraint } from '../../store-conflict-errors.js';
import { StoreUnavailableError } from '../store.js';

export { UNIQUE_CONSTRAINTS, UniqueViolationError, type UniqueConstraint, TransactionConflictError } from '../../store-conflict-errors.js';

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
