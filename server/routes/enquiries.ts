import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { Page, PageQuery } from '../../shared/schemas/common.js';
import { DeclineInput, Enquiry, EnquiryCreateInput } from '../../shared/schemas/enquiry.js';
import type { Services } from '../domain/services.js';
import { bearer, errors, IdParams, json, jsonBody } from '../http/openapi.js';
import { createRouter } from '../http/router.js';

const tags = ['enquiries'];

const MineQuery = PageQuery.extend({
  role: z.enum(['sent', 'received']).optional().meta({ description: 'Only those you sent, or only those about your achievements; default both' }),
});

/** Sealed enquiries: visible to their sender and to the achievement's owner only. */
export function enquiryRoutes(services: Services) {
  const { enquiries } = services;
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/achievements/{id}/enquiries',
        tags,
        summary: 'Every enquiry about your achievement (owner only)',
        security: bearer,
        request: { params: IdParams, query: PageQuery },
        responses: { 200: json(Page(Enquiry)), ...errors(401, 403, 404) },
      }),
      async (c) => c.json(await enquiries.listForAchievement(c.get('actor'), c.req.valid('param').id, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/achievements/{id}/enquiries',
        tags,
        summary: 'Send a sealed enquiry about a listed achievement (enterprises)',
        security: bearer,
        request: { params: IdParams, body: jsonBody(EnquiryCreateInput) },
        responses: { 201: json(Enquiry), ...errors(401, 403, 404, 409) },
      }),
      async (c) => c.json(await enquiries.send(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/enquiries/{id}/accept',
        tags,
        summary: "Accept an enquiry about your achievement: both sides then see each other's contact details",
        security: bearer,
        request: { params: IdParams },
        responses: { 200: json(Enquiry), ...errors(401, 403, 404, 409) },
      }),
      async (c) => c.json(await enquiries.accept(c.get('actor'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/enquiries/{id}/decline',
        tags,
        summary: 'Decline an enquiry about your achievement, with a reason and a note',
        security: bearer,
        request: { params: IdParams, body: jsonBody(DeclineInput) },
        responses: { 200: json(Enquiry), ...errors(401, 403, 404, 409) },
      }),
      async (c) => c.json(await enquiries.decline(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/enquiries/{id}/withdraw',
        tags,
        summary: 'Withdraw your enquiry while it is unanswered',
        security: bearer,
        request: { params: IdParams },
        responses: { 200: json(Enquiry), ...errors(401, 403, 404, 409) },
      }),
      async (c) => c.json(await enquiries.withdraw(c.get('actor'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/me/enquiries',
        tags,
        summary: 'Enquiries you sent and those about your achievements, newest first',
        security: bearer,
        request: { query: MineQuery },
        responses: { 200: json(Page(Enquiry)), ...errors(401) },
      }),
      async (c) => c.json(await enquiries.listMine(c.get('actor'), c.req.valid('query')), 200),
    );
}
