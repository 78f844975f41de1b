import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { Page, PageQuery } from '../../shared/schemas/common.js';
import { SavedChallenge } from '../../shared/schemas/library.js';
import { PaperInput, PaperPatch, PaperRecord } from '../../shared/schemas/paper.js';
import type { Services } from '../domain/services.js';
import { bearer, errors, IdParams, json, jsonBody } from '../http/openapi.js';
import { createRouter } from '../http/router.js';

const tags = ['library'];
const ChallengeIdParams = z.object({ challengeId: z.string().min(1).max(64) });
const Deleted = z.object({ deleted: z.boolean() });

/** A researcher's library: saved challenges and clipped papers. */
export function libraryRoutes(services: Services) {
  const { library } = services;
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/me/saved',
        tags,
        summary: 'Challenges you saved, newest first',
        security: bearer,
        request: { query: PageQuery },
        responses: { 200: json(Page(SavedChallenge)), ...errors(401) },
      }),
      async (c) => c.json(await library.listSaved(c.get('actor'), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/api/me/saved/{challengeId}',
        tags,
        summary: 'Save a challenge (saving twice changes nothing)',
        security: bearer,
        request: { params: ChallengeIdParams },
        responses: { 200: json(SavedChallenge), ...errors(401, 404) },
      }),
      async (c) => c.json(await library.save(c.get('actor'), c.req.valid('param').challengeId), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/api/me/saved/{challengeId}',
        tags,
        summary: 'Unsave a challenge',
        security: bearer,
        request: { params: ChallengeIdParams },
        responses: { 200: json(Deleted, '`deleted` is false when it was not saved'), ...errors(401) },
      }),
      async (c) => c.json({ deleted: await library.unsave(c.get('actor'), c.req.valid('param').challengeId) }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/me/papers',
        tags,
        summary: 'Your clipped papers, newest first',
        security: bearer,
        request: { query: PageQuery },
        responses: { 200: json(Page(PaperRecord)), ...errors(401) },
      }),
      async (c) => c.json(await library.listPapers(c.get('actor'), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/me/papers',
        tags,
        summary: 'Clip a paper into your library',
        description:
          'Deduplicated by DOI, then arXiv id, then patent number, then URL, and across languages and sites by title (or its translation), year and first author when no identifier tells them apart: a paper already there answers 409 with `details.paper`, the one kept. Author keywords (`keywords`) are stored with the paper.',
        security: bearer,
        request: { body: jsonBody(PaperInput) },
        responses: { 201: json(PaperRecord), ...errors(401, 409) },
      }),
      async (c) => c.json(await library.addPaper(c.get('actor'), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/api/me/papers/{id}',
        tags,
        summary: 'Correct a clipped paper: title, authors, year, venue, note, tags',
        description: 'Fields left out stay as they are; `null` clears year, venue or note. Identifiers (DOI, arXiv id, URL) cannot change.',
        security: bearer,
        request: { params: IdParams, body: jsonBody(PaperPatch) },
        responses: { 200: json(PaperRecord), ...errors(401, 404) },
      }),
      async (c) => c.json(await library.updatePaper(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/api/me/papers/{id}',
        tags,
        summary: 'Delete a paper from your library (bids keep their copy of the reference)',
        security: bearer,
        request: { params: IdParams },
        responses: { 200: json(Deleted), ...errors(401, 404) },
      }),
      async (c) => {
        await library.deletePaper(c.get('actor'), c.req.valid('param').id);
        return c.json({ deleted: true }, 200);
      },
    );
}
