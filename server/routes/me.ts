import { createRoute } from '@hono/zod-openapi';
import { Account, UpdateMeInput } from '../../shared/schemas/account.js';
import type { Services } from '../domain/services.js';
import { bearer, errors, json, jsonBody } from '../http/openapi.js';
import { createRouter } from '../http/router.js';

const tags = ['me'];

/** The caller's own account. */
export function meRoutes(services: Services) {
  return createRouter()
    .openapi(
      createRoute({ method: 'get', path: '/api/me', tags, summary: 'Your account', security: bearer, responses: { 200: json(Account), ...errors(401) } }),
      async (c) => c.json(await services.accounts.getMe(c.get('actor')), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/api/me',
        tags,
        summary: 'Change your profile, roles, language, fields and keywords',
        security: bearer,
        request: { body: jsonBody(UpdateMeInput) },
        responses: { 200: json(Account), ...errors(401) },
      }),
      async (c) => c.json(await services.accounts.updateMe(c.get('actor'), c.req.valid('json')), 200),
    );
}
