import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { Achievement, AchievementCreateInput, AchievementListQuery, AchievementUpdateInput } from '../../shared/schemas/achievement.js';
import { ChallengeFit, Solution } from '../../shared/schemas/catalogue-match.js';
import { Page, PageQuery } from '../../shared/schemas/common.js';
import type { Services } from '../domain/services.js';
import { bearer, errors, IdParams, json, jsonBody, optionalBearer } from '../http/openapi.js';
import { createRouter } from '../http/router.js';

const tags = ['achievements'];

/** The NDJSON answer of the export: one achievement per line. */
const NDJSON = 'application/x-ndjson';

/**
 * The achievements catalogue (科技成果): the public list, search and NDJSON export, the owner's lifecycle
 * actions, and the two-sided matching for each side's owner.
 */
export function achievementRoutes(services: Services) {
  const { achievements, catalogueMatching } = services;
  const action = (verb: 'publish' | 'withdraw', summary: string) =>
    createRoute({
      method: 'post',
      path: `/api/achievements/{id}/${verb}`,
      tags,
      summary,
      security: bearer,
      request: { params: IdParams },
      responses: { 200: json(Achievement), ...errors(401, 403, 404, 409) },
    });

  return (
    createRouter()
      // Before `/api/achievements/{id}`, which would otherwise take `export` for an id.
      .openapi(
        createRoute({
          method: 'get',
          path: '/api/achievements/export',
          tags,
          summary: 'Every listed achievement as NDJSON (open data, one JSON object per line, oldest first)',
          responses: {
            200: { description: 'One Achievement per line', content: { [NDJSON]: { schema: z.string() } } },
            ...errors(),
          },
        }),
        (c) => {
          const encoder = new TextEncoder();
          const rows = achievements.exportListed();
          // Pulled a line at a time, so a slow reader holds back the reads instead of filling memory.
          const body = new ReadableStream<Uint8Array>({
            async pull(controller) {
              const next = await rows.next();
              if (next.done) controller.close();
              else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
            },
            async cancel() {
              await rows.return(undefined);
            },
          });
          // zod-openapi types answers by their schema; a stream has none to check against, so it is a plain Response.
          return c.body(body, 200, { 'content-type': `${NDJSON}; charset=utf-8` }) as Response as never;
        },
      )
      .openapi(
        createRoute({
          method: 'get',
          path: '/api/achievements',
          tags,
          summary: 'List and search listed achievements (public)',
          description: 'Ranked by relevance (English and Chinese, with translations) when `q` is given; `trl` is a minimum.',
          security: optionalBearer,
          request: { query: AchievementListQuery },
          responses: { 200: json(Page(Achievement)), ...errors() },
        }),
        async (c) => c.json(await achievements.list(c.get('actor'), c.req.valid('query')), 200),
      )
      .openapi(
        createRoute({
          method: 'post',
          path: '/api/achievements',
          tags,
          summary: 'Create an achievement (a draft until published)',
          security: bearer,
          request: { body: jsonBody(AchievementCreateInput) },
          responses: { 201: json(Achievement), ...errors(401, 403) },
        }),
        async (c) => c.json(await achievements.create(c.get('actor'), c.req.valid('json')), 201),
      )
      .openapi(
        createRoute({
          method: 'get',
          path: '/api/achievements/{id}',
          tags,
          summary: 'One achievement (drafts: the owner only)',
          security: optionalBearer,
          request: { params: IdParams },
          responses: { 200: json(Achievement), ...errors(404) },
        }),
        async (c) => c.json(await achievements.get(c.get('actor'), c.req.valid('param').id), 200),
      )
      .openapi(
        createRoute({
          method: 'patch',
          path: '/api/achievements/{id}',
          tags,
          summary: 'Edit your draft or listed achievement',
          security: bearer,
          request: { params: IdParams, body: jsonBody(AchievementUpdateInput) },
          responses: { 200: json(Achievement), ...errors(401, 403, 404, 409) },
        }),
        async (c) => c.json(await achievements.update(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(action('publish', 'List your draft in the public catalogue'), async (c) =>
        c.json(await achievements.publish(c.get('actor'), c.req.valid('param').id), 200),
      )
      .openapi(action('withdraw', 'Withdraw your achievement from the catalogue'), async (c) =>
        c.json(await achievements.withdraw(c.get('actor'), c.req.valid('param').id), 200),
      )
      .openapi(
        createRoute({
          method: 'get',
          path: '/api/me/achievements',
          tags,
          summary: 'Your achievements, drafts included, newest first',
          security: bearer,
          request: { query: PageQuery },
          responses: { 200: json(Page(Achievement)), ...errors(401) },
        }),
        async (c) => c.json(await achievements.listMine(c.get('actor'), c.req.valid('query')), 200),
      )
      .openapi(
        createRoute({
          method: 'get',
          path: '/api/challenges/{id}/solutions',
          tags,
          summary: 'Listed achievements that may answer your challenge, with the words that met (owner only)',
          security: bearer,
          request: { params: IdParams, query: PageQuery },
          responses: { 200: json(Page(Solution)), ...errors(401, 403, 404) },
        }),
        async (c) => c.json(await catalogueMatching.solutions(c.get('actor'), c.req.valid('param').id, c.req.valid('query')), 200),
      )
      .openapi(
        createRoute({
          method: 'get',
          path: '/api/achievements/{id}/challenges',
          tags,
          summary: 'Open challenges your achievement may answer, with the words that met (owner only)',
          security: bearer,
          request: { params: IdParams, query: PageQuery },
          responses: { 200: json(Page(ChallengeFit)), ...errors(401, 403, 404) },
        }),
        async (c) => c.json(await catalogueMatching.challengesFor(c.get('actor'), c.req.valid('param').id, c.req.valid('query')), 200),
      )
  );
}
