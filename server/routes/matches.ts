import { createRoute } from '@hono/zod-openapi';
import { Page, PageQuery } from '../../shared/schemas/common.js';
import { Match } from '../../shared/schemas/match.js';
import type { Services } from '../domain/services.js';
import { bearer, errors, json } from '../http/openapi.js';
import { createRouter } from '../http/router.js';

/** Challenges ranked for the signed-in researcher. */
export function matchRoutes(services: Services) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/me/matches',
      tags: ['alerts'],
      summary: 'Open challenges ranked for you, each with the terms that matched and why',
      description: 'From your fields and keywords (PATCH /api/me), your active subscriptions and your clipped papers.',
      security: bearer,
      request: { query: PageQuery },
      responses: { 200: json(Page(Match)), ...errors(401) },
    }),
    async (c) => c.json(await services.matches.list(c.get('actor'), c.req.valid('query')), 200),
  );
}
