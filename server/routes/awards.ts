import { createRoute } from '@hono/zod-openapi';
import { Announcement } from '../../shared/schemas/challenge.js';
import { Page, PageQuery } from '../../shared/schemas/common.js';
import type { Services } from '../domain/services.js';
import { errors, json } from '../http/openapi.js';
import { createRouter } from '../http/router.js';

/** Public award announcements. */
export function awardRoutes(services: Services) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/awards',
      tags: ['awards'],
      summary: 'Award announcements, newest first (public)',
      request: { query: PageQuery },
      responses: { 200: json(Page(Announcement)), ...errors() },
    }),
    async (c) => c.json(await services.awards.list(c.req.valid('query')), 200),
  );
}
