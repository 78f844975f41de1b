import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { failOpen, rateLimit } from '../../../server/http/rate-limit.js';
import type { HitLog } from '../../../server/jobs/coordination.js';
import { openPgCoordination } from '../../../server/jobs/pg-coordination.js';
import { openPgStore } from '../../../server/store/pg/pg-store.js';
import { FakeClock } from '../../support/fake-clock.js';
import { usePostgres } from '../../support/postgres.js';

const cluster = usePostgres();
const MINUTE = 60_000;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An app instance: one limited route, keyed by the `x-client` header. */
function app(clock: FakeClock, hits?: HitLog) {
  const app = new Hono();
  app.use('*', rateLimit({ limit: 3, windowMs: MINUTE, clock, keyOf: (c) => c.req.header('x-client') ?? 'none', ...(hits ? { hits } : {}) }));
  app.post('/login', (c) => c.json({ ok: true }));
  return app;
}

const login = (instance: Hono, client = '10.0.0.1') => instance.request('/login', { method: 'POST', headers: { 'x-client': client } });

describe('rate limit', () => {
  it('in memory: at most the limit per key in any window, with Retry-After until the oldest hit leaves it', async () => {
    const clock = new FakeClock();
    const one = app(clock);
    for (let i = 0; i < 3; i++) {
      expect((await login(one)).status).toBe(200);
      clock.advance(10_000);
    }
    const refused = await login(one);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect((await login(one, '10.0.0.2')).status).toBe(200);
    clock.advance(30_000);
    expect((await login(one)).status).toBe(200);
    expect((await login(one)).status).toBe(429);
  });

  it('under PostgreSQL: two app instances count one client together', async () => {
    const url = await cluster().createDatabase();
    const store = await openPgStore({ connectionString: url });
    cleanups.push(() => store.close());
    const clock = new FakeClock();
    const [a, b] = await Promise.all(
      [0, 1].map(async () => {
        const coordination = await openPgCoordination({ connectionString: url, log: () => undefined });
        cleanups.push(() => coordination.close());
        return app(clock, failOpen(coordination.hitLog('auth'), { log: () => undefined }));
      }),
    );
    expect((await login(a!)).status).toBe(200);
    expect((await login(b!)).status).toBe(200);
    expect((await login(a!)).status).toBe(200);
    const refused = await login(b!);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect((await login(a!)).status).toBe(429);
    expect((await login(b!, '10.0.0.2')).status).toBe(200);
    clock.advance(MINUTE);
    expect((await login(b!)).status).toBe(200);
  });

  it('fails open to a per-instance limit, with one warning a minute, when the shared log fails or hangs', async () => {
    const clock = new FakeClock();
    const logs: string[] = [];
    let answer: 'reject' | 'hang' = 'reject';
    const broken: HitLog = { hit: () => (answer === 'reject' ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')) : new Promise(() => undefined)) };
    const one = app(clock, failOpen(broken, { timeoutMs: 20, log: (line) => logs.push(line) }));
    expect((await login(one)).status).toBe(200);
    answer = 'hang';
    expect((await login(one)).status).toBe(200);
    expect((await login(one)).status).toBe(200);
    expect((await login(one)).status).toBe(429);
    expect(logs).toEqual(['[rate-limit] the shared hit log failed; limiting per instance until it answers again: connect ECONNREFUSED 127.0.0.1:5432']);
    clock.advance(MINUTE);
    expect((await login(one)).status).toBe(200);
    expect(logs[1]).toBe('[rate-limit] the shared hit log failed; limiting per instance until it answers again: no answer within 20 ms');
  });
});
