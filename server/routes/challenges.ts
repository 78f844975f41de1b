import { createRoute } from '@hono/zod-openapi';
import { AwardInput, Challenge, ChallengeCreateInput, ChallengeEndInput, ChallengeListQuery, ChallengeUpdateInput } from '../../shared/schemas/challenge.js';
import { Page } from '../../shared/schemas/common.js';
import type { Services } from '../domain/services.js';
import { bearer, errors, IdParams, json, jsonBody, optionalBearer } from '../http/openapi.js';
import { createRouter } from '../http/router.js';
import { publicReadCache } from './public-read-cache.js';

const tags = ['challenges'];

/** Challenges: the public list and search, and the owner's lifecycle actions. */
export function challengeRoutes(services: Services) {
  const { challenges, bids } = services;
  const action = (verb: 'publish', summary: string) =>
    createRoute({
      method: 'post',
      path: `/api/challenges/{id}/${verb}`,
      tags,
      summary,
      security: bearer,
      request: { params: IdParams },
      responses: { 200: json(Challenge), ...errors(401, 403, 404, 409) },
    });
  // Close and cancel take an optional body: `{ reason }`, told to the bidders; no body is no reason.
  const ending = (verb: 'close' | 'cancel', summary: string) =>
    createRoute({
      method: 'post',
      path: `/api/challenges/{id}/${verb}`,
      tags,
      summary,
      security: bearer,
      request: { params: IdParams, body: { ...jsonBody(ChallengeEndInput), required: false } },
      responses: { 200: json(Challenge), ...errors(401, 403, 404, 409) },
    });

  // The public list, search and detail: anonymous readers share answers until a commit changes them.
  const cached = publicReadCache({ storage: services.storage, clock: services.clock, keep: ['content-type'] });

  const router = createRouter();
  router.use('/api/challenges', cached);
  router.use('/api/challenges/:id', cached);
  return router
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/challenges',
        tags,
        summary: 'List and search challenges (public; open ones by default)',
        description: 'Ranked by BM25 relevance when `q` is given. `owner=me` lists your own, drafts included.',
        security: optionalBearer,
        request: { query: ChallengeListQuery },
        responses: { 200: json(Page(Challenge)), ...errors(401, 403) },
      }),
      async (c) => c.json(await challenges.list(c.get('actor'), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/challenges',
        tags,
        summary: 'Create a challenge (a draft; publish it to open it for bids)',
        security: bearer,
        request: { body: jsonBody(ChallengeCreateInput) },
        responses: { 201: json(Challenge), ...errors(401, 403) },
      }),
      async (c) => c.json(await challenges.create(c.get('actor'), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/challenges/{id}',
        tags,
        summary: 'One challenge (drafts only for their owner)',
        security: optionalBearer,
        request: { params: IdParams },
        responses: { 200: json(Challenge), ...errors(401, 404) },
      }),
      async (c) => c.json(await challenges.get(c.get('actor'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/api/challenges/{id}',
        tags,
        summary: 'Edit a challenge',
        description: 'Drafts change freely. An open challenge may only raise its reward and extend its deadline; its type and IP terms are fixed once a bid has arrived. Closed, awarded and cancelled challenges do not change.',
        security: bearer,
        request: { params: IdParams, body: jsonBody(ChallengeUpdateInput) },
        responses: { 200: json(Challenge), ...errors(401, 403, 404, 409) },
      }),
      async (c) => c.json(await challenges.update(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(action('publish', 'Publish a draft: open it for bids and alert matching subscribers'), async (c) =>
      c.json(await challenges.publish(c.get('actor'), c.req.valid('param').id), 200),
    )
    .openapi(ending('close', 'Close an open challenge before its deadline; live bidders are told, with the reason if given'), async (c) =>
      c.json(await challenges.close(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(ending('cancel', 'Cancel a draft, open or closed challenge; bidders and savers are told, with the reason if given'), async (c) =>
      c.json(await challenges.cancel(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/challenges/{id}/award',
        tags,
        summary: 'Award one bid: the other live bids are rejected and the award is announced publicly',
        security: bearer,
        request: { params: IdParams, body: jsonBody(AwardInput) },
        responses: { 200: json(Challenge), ...errors(401, 403, 404, 409) },
      }),
      async (c) => c.json(await bids.award(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
    );
}
