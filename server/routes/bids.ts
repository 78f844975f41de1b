import { createRoute, z } from '@hono/zod-openapi';
import { Bid, BidCreateInput, BidUpdateInput, RejectInput } from '../../shared/schemas/bid.js';
import { Page, PageQuery } from '../../shared/schemas/common.js';
import { ReviewBid } from '../../shared/schemas/review.js';
import type { Services } from '../domain/services.js';
import { bearer, errors, IdParams, json, jsonBody } from '../http/openapi.js';
import { createRouter } from '../http/router.js';

const tags = ['bids'];

/** Sealed bids: visible to their bidder and to the challenge's owner only. */
export function bidRoutes(services: Services) {
  const { bids } = services;
  const bidAction = (verb: 'withdraw' | 'shortlist', summary: string) =>
    createRoute({
      method: 'post',
      path: `/api/bids/{id}/${verb}`,
      tags,
      summary,
      security: bearer,
      request: { params: IdParams },
      responses: { 200: json(Bid), ...errors(401, 403, 404, 409) },
    });

  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/challenges/{id}/bids',
        tags,
        summary: "Every bid on your challenge (owner only)",
        security: bearer,
        request: { params: IdParams, query: PageQuery },
        responses: { 200: json(Page(Bid)), ...errors(401, 403, 404) },
      }),
      async (c) => c.json(await bids.listForChallenge(c.get('actor'), c.req.valid('param').id, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/challenges/{id}/bids',
        tags,
        summary: 'Submit a bid (researchers; one live bid per challenge; returns the receipt)',
        security: bearer,
        request: { params: IdParams, body: jsonBody(BidCreateInput) },
        responses: { 201: json(Bid), ...errors(401, 403, 404, 409) },
      }),
      async (c) => c.json(await bids.submit(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/bids/{id}',
        tags,
        summary: 'One bid (its bidder and the challenge owner; a review copy for its assigned, non-recused reviewers)',
        description: 'Reviewers get a ReviewBid: no receipt, history or feedback, and `bidder` null while the review is blind.',
        security: bearer,
        request: { params: IdParams },
        responses: { 200: json(z.union([Bid, ReviewBid])), ...errors(401, 404) },
      }),
      async (c) => c.json(await services.reviews.readBid(c.get('actor'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/api/bids/{id}',
        tags,
        summary: 'Revise your bid while the challenge is open (history kept; a new receipt)',
        security: bearer,
        request: { params: IdParams, body: jsonBody(BidUpdateInput) },
        responses: { 200: json(Bid), ...errors(401, 403, 404, 409) },
      }),
      async (c) => c.json(await bids.revise(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(bidAction('withdraw', 'Withdraw your bid while the challenge is open'), async (c) =>
      c.json(await bids.withdraw(c.get('actor'), c.req.valid('param').id), 200),
    )
    .openapi(bidAction('shortlist', 'Shortlist a bid on your challenge'), async (c) =>
      c.json(await bids.shortlist(c.get('actor'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/bids/{id}/reject',
        tags,
        summary: 'Reject a bid on your challenge, with feedback for the bidder',
        security: bearer,
        request: { params: IdParams, body: jsonBody(RejectInput) },
        responses: { 200: json(Bid), ...errors(401, 403, 404, 409) },
      }),
      async (c) => c.json(await bids.reject(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/me/bids',
        tags,
        summary: 'Your bids, newest first',
        security: bearer,
        request: { query: PageQuery },
        responses: { 200: json(Page(Bid)), ...errors(401) },
      }),
      async (c) => c.json(await bids.listMine(c.get('actor'), c.req.valid('query')), 200),
    );
}
