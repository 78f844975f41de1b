import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { Deal, DealCreateInput, DealListQuery, ObjectionAnswerInput, ObjectionInput } from '../../shared/schemas/deal.js';
import { Page } from '../../shared/schemas/common.js';
import type { Services } from '../domain/services.js';
import { bearer, errors, IdParams, json, jsonBody, optionalBearer } from '../http/openapi.js';
import { createRouter } from '../http/router.js';

const tags = ['deals'];

/** Deals announced publicly (公示), their objections and the owner's answers. */
export function dealRoutes(services: Services) {
  const { deals } = services;
  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/achievements/{id}/deal',
        tags,
        summary: 'Announce the transfer of your listed achievement (objection period: 15 days by default, at most 30)',
        security: bearer,
        request: { params: IdParams, body: jsonBody(DealCreateInput) },
        responses: { 201: json(Deal), ...errors(401, 403, 404, 409) },
      }),
      async (c) => c.json(await deals.announce(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/deals',
        tags,
        summary: 'Announced deals, newest first (public; objection counts, not their text)',
        security: optionalBearer,
        request: { query: DealListQuery },
        responses: { 200: json(Page(Deal)), ...errors() },
      }),
      async (c) => c.json(await deals.list(c.get('actor'), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/deals/{id}',
        tags,
        summary: 'One deal (public; the owner also reads every objection, an objector their own)',
        security: optionalBearer,
        request: { params: IdParams },
        responses: { 200: json(Deal), ...errors(404) },
      }),
      async (c) => c.json(await deals.get(c.get('actor'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/deals/{id}/objections',
        tags,
        summary: 'Object to a deal during its objection period (signed-in accounts; the owner reads the reason)',
        security: bearer,
        request: { params: IdParams, body: jsonBody(ObjectionInput) },
        responses: { 201: json(Deal), ...errors(401, 403, 404, 409) },
      }),
      async (c) => c.json(await deals.object(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/deals/{id}/objections/{objectionId}/answer',
        tags,
        summary: 'Answer an objection to your deal (resolves it)',
        security: bearer,
        request: { params: IdParams.extend({ objectionId: z.string().min(1).max(64) }), body: jsonBody(ObjectionAnswerInput) },
        responses: { 200: json(Deal), ...errors(401, 403, 404, 409) },
      }),
      async (c) => {
        const { id, objectionId } = c.req.valid('param');
        return c.json(await deals.answer(c.get('actor'), id, objectionId, c.req.valid('json')), 200);
      },
    );
}
