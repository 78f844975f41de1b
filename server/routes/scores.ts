import { createRoute } from '@hono/zod-openapi';
import { Bid } from '../../shared/schemas/bid.js';
import { Challenge } from '../../shared/schemas/challenge.js';
import { AdvanceInput, FeedbackInput, Ranking, ScoreSheet, ScoresInput } from '../../shared/schemas/review.js';
import type { Services } from '../domain/services.js';
import { bearer, errors, IdParams, json, jsonBody } from '../http/openapi.js';
import { createRouter } from '../http/router.js';

const tags = ['evaluation'];

/** Scoring and its outcomes (PRODUCT.md §9): reviewers' scores, the owner's ranking, feedback and phase advance. */
export function scoreRoutes(services: Services) {
  const { scores, phases } = services;
  return createRouter()
    .openapi(
      createRoute({
        method: 'put',
        path: '/api/bids/{id}/scores',
        tags,
        summary: 'Score a bid you review: every criterion of the rubric, 1–5, with a comment (replaces your sheet)',
        security: bearer,
        request: { params: IdParams, body: jsonBody(ScoresInput) },
        responses: { 200: json(ScoreSheet), ...errors(401, 403, 404, 409) },
      }),
      async (c) => c.json(await scores.put(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/bids/{id}/scores',
        tags,
        summary: 'Your own score sheet of a bid you review, in the current phase (404 until you have scored it)',
        security: bearer,
        request: { params: IdParams },
        responses: { 200: json(ScoreSheet), ...errors(401, 404) },
      }),
      async (c) => c.json(await scores.mine(c.get('actor'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/challenges/{id}/ranking',
        tags,
        summary: 'The ranking of the current phase (owner only): weighted mean, spread per criterion, reviews, pending reviewers',
        security: bearer,
        request: { params: IdParams },
        responses: { 200: json(Ranking), ...errors(401, 403, 404) },
      }),
      async (c) => c.json(await scores.ranking(c.get('actor'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/bids/{id}/feedback',
        tags,
        summary: "Send chosen reviewer comments (ids from the ranking) to the bidder as the bid's feedback, without names (owner)",
        security: bearer,
        request: { params: IdParams, body: jsonBody(FeedbackInput) },
        responses: { 200: json(Bid), ...errors(401, 403, 404) },
      }),
      async (c) => c.json(await scores.sendFeedback(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/challenges/{id}/advance',
        tags,
        summary: 'Advance a closed phase: shortlisted bids go on to the next phase, the other live bids are rejected with feedback (owner)',
        security: bearer,
        request: { params: IdParams, body: jsonBody(AdvanceInput) },
        responses: { 200: json(Challenge), ...errors(401, 403, 404, 409) },
      }),
      async (c) => c.json(await phases.advance(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
    );
}
