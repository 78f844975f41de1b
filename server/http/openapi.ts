import { z } from 'zod';
import { ErrorBody } from '../../shared/schemas/error.js';

/**
 * Small builders for `createRoute` configs, so every route documents its body, its success answer and
 * its error answers (all as the shared `Error` schema) the same way, without losing zod-openapi's types.
 */

/** A required JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

/** A JSON success answer. */
export function json<T extends z.ZodType>(schema: T, description = 'Success') {
  return { description, content: { 'application/json': { schema } } } as const;
}

const ERROR_TEXT = {
  400: 'Malformed request (bad JSON, bad cursor)',
  401: 'No valid bearer token',
  403: 'Signed in, but not allowed to do this',
  404: 'No such thing, or not visible to the caller',
  409: 'Not allowed in the current state',
  413: 'Request body too large',
  422: 'The input does not fit the schema; details.issues says where',
  429: 'Too many requests; wait and retry',
  503: 'Storage unavailable; nothing was changed',
} as const;
type ErrorStatus = keyof typeof ERROR_TEXT;

/** Error answers: the ones every route can give (400, 413, 422, 429, 503) plus those named. */
export function errors(...statuses: ErrorStatus[]) {
  const all = [...new Set<ErrorStatus>([400, 413, 422, 429, 503, ...statuses])];
  return Object.fromEntries(
    all.map((status) => [status, { description: ERROR_TEXT[status], content: { 'application/json': { schema: ErrorBody } } }]),
  ) as Record<ErrorStatus, { description: string; content: { 'application/json': { schema: typeof ErrorBody } } }>;
}

/** `security` of a route that needs a bearer token. */
export const bearer: Record<string, string[]>[] = [{ bearer: [] }];
/** `security` of a route that works anonymously and says more to a signed-in caller. */
export const optionalBearer: Record<string, string[]>[] = [{ bearer: [] }, {}];

/** The path parameter `:id`. */
export const IdParams = z.object({ id: z.string().min(1).max(64) });
