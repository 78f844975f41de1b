import { createRoute } from '@hono/zod-openapi';
import { Page, PageQuery } from '../../shared/schemas/common.js';
import { AnswerInput, Question, QuestionInput } from '../../shared/schemas/question.js';
import type { Services } from '../domain/services.js';
import { bearer, errors, IdParams, json, jsonBody, optionalBearer } from '../http/openapi.js';
import { createRouter } from '../http/router.js';

const tags = ['questions'];

/** Public questions on challenges and the owner's answers. */
export function questionRoutes(services: Services) {
  const { questions } = services;
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/challenges/{id}/questions',
        tags,
        summary: "A challenge's public questions and answers, oldest first",
        security: optionalBearer,
        request: { params: IdParams, query: PageQuery },
        responses: { 200: json(Page(Question)), ...errors(401, 404) },
      }),
      async (c) => c.json(await questions.list(c.get('actor'), c.req.valid('param').id, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/challenges/{id}/questions',
        tags,
        summary: 'Ask a public question on an open challenge (you stay anonymous)',
        security: bearer,
        request: { params: IdParams, body: jsonBody(QuestionInput) },
        responses: { 201: json(Question), ...errors(401, 403, 404, 409) },
      }),
      async (c) => c.json(await questions.ask(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/questions/{id}/answer',
        tags,
        summary: "Answer a question on your challenge (or correct your answer)",
        security: bearer,
        request: { params: IdParams, body: jsonBody(AnswerInput) },
        responses: { 200: json(Question), ...errors(401, 403, 404) },
      }),
      async (c) => c.json(await questions.answer(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
    );
}
