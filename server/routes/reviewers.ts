import { createRoute, z } from '@hono/zod-openapi';
import { OneTimeCode } from '../../shared/schemas/account.js';
import { Page, PageQuery } from '../../shared/schemas/common.js';
import { AddReviewerInput, Conflicts, Recusal, RecuseInput, RedeemInviteInput, ReviewAssignment, Reviewer } from '../../shared/schemas/review.js';
import type { Services } from '../domain/services.js';
import { bearer, errors, IdParams, json, jsonBody } from '../http/openapi.js';
import { createRouter } from '../http/router.js';

const tags = ['evaluation'];
const ReviewerParams = z.object({ id: z.string().min(1).max(64), accountId: z.string().min(1).max(64) });

/**
 * Reviewers of a challenge (PRODUCT.md §9): the owner adds, invites, lists and removes them; a reviewer
 * redeems an invite, declares conflicts, recuses from a bid and lists their assignments.
 */
export function reviewerRoutes(services: Services) {
  const { reviews } = services;
  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/challenges/{id}/reviewers',
        tags,
        summary: 'Add an account as a reviewer of your challenge (owner); it is told, bidders never are',
        security: bearer,
        request: { params: IdParams, body: jsonBody(AddReviewerInput) },
        responses: { 201: json(Reviewer), ...errors(401, 403, 404, 409) },
      }),
      async (c) => c.json(await reviews.add(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/challenges/{id}/reviewers',
        tags,
        summary: "Your challenge's reviewers with their conflicts, recusals and progress (owner)",
        security: bearer,
        request: { params: IdParams, query: PageQuery },
        responses: { 200: json(Page(Reviewer)), ...errors(401, 403, 404) },
      }),
      async (c) => c.json(await reviews.list(c.get('actor'), c.req.valid('param').id, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/api/challenges/{id}/reviewers/{accountId}',
        tags,
        summary: 'Remove a reviewer (owner); their recusals and scores stay on record, out of the ranking',
        security: bearer,
        request: { params: ReviewerParams },
        responses: { 200: json(z.object({ removed: z.literal(true) })), ...errors(401, 403, 404) },
      }),
      async (c) => {
        const { id, accountId } = c.req.valid('param');
        await reviews.remove(c.get('actor'), id, accountId);
        return c.json({ removed: true as const }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/challenges/{id}/reviewers/invites',
        tags,
        summary: 'A one-time reviewer invite code, valid two weeks (owner)',
        description: 'Whoever redeems it (POST /api/reviewers/redeem, or the bot) becomes a reviewer of the challenge.',
        security: bearer,
        request: { params: IdParams },
        responses: { 201: json(OneTimeCode), ...errors(401, 403, 404, 409) },
      }),
      async (c) => c.json(await reviews.createInvite(c.get('actor'), c.req.valid('param').id), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/reviewers/redeem',
        tags,
        summary: 'Redeem a reviewer invite code: you become a reviewer of its challenge',
        security: bearer,
        request: { body: jsonBody(RedeemInviteInput) },
        responses: { 200: json(ReviewAssignment), ...errors(401, 404, 409) },
      }),
      async (c) => c.json(await reviews.redeem(c.get('actor'), c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/api/challenges/{id}/reviewers/me/conflicts',
        tags,
        summary: 'Declare your conflicts as a reviewer (organizations, people); you are recused from their bids',
        security: bearer,
        request: { params: IdParams, body: jsonBody(Conflicts) },
        responses: { 200: json(ReviewAssignment), ...errors(401, 404, 409) },
      }),
      async (c) => c.json(await reviews.declareConflicts(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/bids/{id}/recuse',
        tags,
        summary: 'Recuse yourself from a bid you review, with a reason (final, recorded)',
        security: bearer,
        request: { params: IdParams, body: jsonBody(RecuseInput) },
        responses: { 201: json(Recusal), ...errors(401, 403, 404, 409) },
      }),
      async (c) => c.json(await reviews.recuse(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/me/reviews',
        tags,
        summary: 'Challenges you review, newest first, each with its rubric, the bids to score and your progress',
        security: bearer,
        request: { query: PageQuery },
        responses: { 200: json(Page(ReviewAssignment)), ...errors(401) },
      }),
      async (c) => c.json(await reviews.listMine(c.get('actor'), c.req.valid('query')), 200),
    );
}
