import { createMiddleware } from 'hono/factory';
import { TOKEN_IDLE_TTL_MS, type AccountService } from '../domain/accounts.js';
import { errorResponse } from './errors.js';
import type { AppEnv } from './env.js';

const IDLE_DAYS = TOKEN_IDLE_TTL_MS / (24 * 60 * 60_000);

/**
 * Reads `Authorization: Bearer <token>` and sets `actor` (null without a header). A header with an unknown,
 * revoked or expired token is a 401 at once: a client holding a dead token should learn it, not silently act
 * anonymously.
 */
export function bearerAuth(accounts: Pick<AccountService, 'authenticate'>) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    c.set('actor', null);
    c.set('token', null);
    if (header !== undefined) {
      const match = /^Bearer\s+(\S{10,200})\s*$/i.exec(header);
      if (!match) return errorResponse(c, 'unauthorized', 'The Authorization header must be "Bearer <token>"');
      const actor = await accounts.authenticate(match[1]!);
      if (!actor) return errorResponse(c, 'unauthorized', `This token is unknown, was revoked or expired (unused for ${IDLE_DAYS} days); sign in again`);
      c.set('actor', actor);
      c.set('token', match[1]!);
    }
    await next();
  });
}
