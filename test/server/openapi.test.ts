import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { testRuntime } from '../support/runtime.js';

/** Every route PRODUCT.md §3 names: the contract other parts rely on. */
const CONTRACT = [
  'POST /api/auth/register',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/link-code',
  'POST /api/auth/exchange',
  'GET /api/me',
  'PATCH /api/me',
  'GET /api/fields',
  'GET /api/challenges',
  'POST /api/challenges',
  'GET /api/challenges/{id}',
  'PATCH /api/challenges/{id}',
  'POST /api/challenges/{id}/publish',
  'POST /api/challenges/{id}/close',
  'POST /api/challenges/{id}/cancel',
  'POST /api/challenges/{id}/award',
  'GET /api/challenges/{id}/bids',
  'POST /api/challenges/{id}/bids',
  'GET /api/bids/{id}',
  'PATCH /api/bids/{id}',
  'POST /api/bids/{id}/withdraw',
  'POST /api/bids/{id}/shortlist',
  'POST /api/bids/{id}/reject',
  'GET /api/me/bids',
  'GET /api/challenges/{id}/questions',
  'POST /api/challenges/{id}/questions',
  'POST /api/questions/{id}/answer',
  'GET /api/awards',
  'GET /api/me/saved',
  'PUT /api/me/saved/{challengeId}',
  'DELETE /api/me/saved/{challengeId}',
  'GET /api/me/papers',
  'POST /api/me/papers',
  'DELETE /api/me/papers/{id}',
  'GET /api/me/subscriptions',
  'POST /api/me/subscriptions',
  'PATCH /api/me/subscriptions/{id}',
  'DELETE /api/me/subscriptions/{id}',
  'GET /api/me/matches',
  'GET /api/me/notifications',
  'POST /api/me/notifications/read',
  // §9 evaluation
  'POST /api/challenges/{id}/reviewers',
  'POST /api/reviewers/redeem',
  'PUT /api/bids/{id}/scores',
  'GET /api/challenges/{id}/ranking',
  'POST /api/challenges/{id}/advance',
  'GET /api/me/reviews',
];

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const rt = await testRuntime();
    const doc = (await rt.call('GET', '/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents exactly the API the app serves, which is every route of the contract', async () => {
    const rt = await testRuntime();
    const doc = (await rt.call('GET', '/openapi.json')).body;
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const served = rt.app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect([...new Set(served)].sort()).toEqual([...documented].sort());
    expect(documented).toEqual(expect.arrayContaining(CONTRACT));
  });

  it('gives every operation its errors as the shared Error schema and marks the bearer routes', async () => {
    const rt = await testRuntime();
    const doc = (await rt.call('GET', '/openapi.json')).body;
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(op.responses['422']?.content['application/json'].schema, where).toEqual({ $ref: '#/components/schemas/Error' });
        if (path.startsWith('/api/me') || ['post', 'patch', 'put', 'delete'].includes(method) && !path.startsWith('/api/auth/')) {
          expect(op.security, where).toContainEqual({ bearer: [] });
        }
      }
    }
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('serves interactive docs and a health check', async () => {
    const rt = await testRuntime();
    const docs = await rt.app.request('/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/openapi.json');
    expect((await rt.call('GET', '/healthz')).body).toMatchObject({ ok: true });
  });
});
