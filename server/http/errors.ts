import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError, type z } from 'zod';
import { ERROR_STATUS, type ErrorBody, type ErrorCode, type ErrorIssue } from '../../shared/schemas/error.js';
import { DomainError, StoreUnavailableError, TransactionConflictError } from '../domain/errors.js';

/** Seconds a client is asked to wait before sending again a request that lost to concurrent writes. */
const CONFLICT_RETRY_AFTER_S = 1;

/** An error answer: `{"error": {code, message, details?}}` with the status of `code`. */
export function errorResponse(c: Context, code: ErrorCode, message: string, details?: unknown): Response {
  const body: ErrorBody = { error: details === undefined ? { code, message } : { code, message, details } };
  return c.json(body, ERROR_STATUS[code] as ContentfulStatusCode);
}

/** Zod issues as `{ path, message }` pairs a person can act on. */
export function describeIssues(error: z.ZodError): { message: string; issues: ErrorIssue[] } {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
  const first = issues[0];
  const message = first ? `${first.path}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}` : 'Invalid input';
  return { message, issues };
}

/** The validation hook of every route: a body, query or path that does not fit its schema is a 422. */
export function validationHook(result: { success: boolean; error?: unknown }, c: Context): Response | undefined {
  if (result.success) return undefined;
  const { message, issues } = describeIssues(result.error as z.ZodError);
  return errorResponse(c, 'validation_failed', message, { issues });
}

/**
 * The last line: every thrown error becomes a JSON answer. Domain refusals and validation keep their
 * status; anything unexpected is logged (without request secrets) and answered 500.
 */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof DomainError) return errorResponse(c, error.code, error.message, error.details);
  if (error instanceof ZodError) {
    const { message, issues } = describeIssues(error);
    return errorResponse(c, 'validation_failed', message, { issues });
  }
  if (error instanceof StoreUnavailableError) {
    console.error(`[http] ${c.req.method} ${c.req.path}: ${error.message}`);
    return errorResponse(c, 'unavailable', 'The server cannot save data right now; nothing was changed. Try again shortly.');
  }
  if (error instanceof TransactionConflictError) {
    console.error(`[http] ${c.req.method} ${c.req.path}: ${error.message}`);
    c.header('Retry-After', String(CONFLICT_RETRY_AFTER_S));
    return errorResponse(c, 'unavailable', 'Too many changes to the same data at once; nothing was changed. Send the request again.');
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status === 413) return errorResponse(c, 'payload_too_large', error.message || 'The request body is too large');
    if (status === 401) return errorResponse(c, 'unauthorized', error.message || 'Sign in first');
    if (status === 400) return errorResponse(c, 'bad_request', error.message || 'Malformed request');
    if (status === 415) return errorResponse(c, 'bad_request', `${c.req.header('content-type') ? 'Unsupported Content-Type' : 'No Content-Type'}: send the body as JSON with Content-Type: application/json`);
    if (status === 429) return errorResponse(c, 'rate_limited', error.message || 'Too many requests');
    if (status < 500) return errorResponse(c, 'bad_request', error.message || `Request refused (${status})`);
  }
  console.error(`[http] ${c.req.method} ${c.req.path} failed:`, error);
  return errorResponse(c, 'internal', 'Something went wrong on our side; the error was logged');
}
