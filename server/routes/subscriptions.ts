import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { Page, PageQuery } from '../../shared/schemas/common.js';
import { Subscription, SubscriptionCreateInput, SubscriptionUpdateInput } from '../../shared/schemas/subscription.js';
import type { Services } from '../domain/services.js';
import { bearer, errors, IdParams, json, jsonBody } from '../http/openapi.js';
import { createRouter } from '../http/router.js';

const tags = ['alerts'];

/** Saved searches that raise alerts for newly published challenges. */
export function subscriptionRoutes(services: Services) {
  const { subscriptions } = services;
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/me/subscriptions',
        tags,
        summary: 'Your subscriptions',
        security: bearer,
        request: { query: PageQuery },
        responses: { 200: json(Page(Subscription)), ...errors(401) },
      }),
      async (c) => c.json(await subscriptions.list(c.get('actor'), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/me/subscriptions',
        tags,
        summary: 'Subscribe to new challenges by keywords (any language), fields and minimum reward',
        security: bearer,
        request: { body: jsonBody(SubscriptionCreateInput) },
        responses: { 201: json(Subscription), ...errors(401, 409) },
      }),
      async (c) => c.json(await subscriptions.create(c.get('actor'), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/api/me/subscriptions/{id}',
        tags,
        summary: 'Change or pause (active: false) a subscription',
        security: bearer,
        request: { params: IdParams, body: jsonBody(SubscriptionUpdateInput) },
        responses: { 200: json(Subscription), ...errors(401, 404) },
      }),
      async (c) => c.json(await subscriptions.update(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/api/me/subscriptions/{id}',
        tags,
        summary: 'Delete a subscription',
        security: bearer,
        request: { params: IdParams },
        responses: { 200: json(z.object({ deleted: z.literal(true) })), ...errors(401, 404) },
      }),
      async (c) => {
        await subscriptions.remove(c.get('actor'), c.req.valid('param').id);
        return c.json({ deleted: true as const }, 200);
      },
    );
}
