import type { ErrorCode } from '../../shared/schemas/error.js';

/** Storage could not take a write; nothing of the transaction happened (the API answers 503, the bot apologises). */
export { StoreUnavailableError } from '../store-unavailable-error.js';

/**
 * A transaction that kept conflicting with concurrent ones and was given up; nothing of it happened and
 * the same request may be sent again (the API answers 503 with Retry-After).
 */
export { TransactionConflictError } from '../store-conflict-errors.js';

/**
 * A refusal by a domain rule. The HTTP layer turns it into `{"error": {code, message, details}}` with the
 * status of `code`; the bot turns it into a polite message. `message` is written for the person asking.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const unauthorized = (message = 'Sign in first: send Authorization: Bearer <token>') =>
  new DomainError('unauthorized', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const notFound = (what: string, id: string) => new DomainError('not_found', `No ${what} with id ${id}`);
export const conflict = (message: string, details?: unknown) => new DomainError('conflict', message, details);
export const invalid = (message: string, details?: unknown) => new DomainError('validation_failed', message, details);
export const rateLimited = (message: string) => new DomainError('rate_limited', message);
