/**
 * A write that cannot be stored right now (disk full, I/O error, the database out of reach); the API answers
 * 503. Thrown only for a transaction none of whose writes happened or ever will.
 *
 * A leaf module of its own: the stores throw it and the domain hands it on to its callers (as part of
 * domain/errors.ts), and neither layer should import the other's module for it.
 */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
