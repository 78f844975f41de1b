import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.js';
import { createServices } from '../../../server/domain/services.js';
import { attachChallengeIndex } from '../../../server/search/challenge-index.js';
import { createSubscriptionIndex } from '../../../server/search/subscription-index.js';
import { openLowdbStore } from '../../../server/store/lowdb-store.js';
import { FakeClock } from '../../support/fake-clock.js';
import { tempDir } from '../../support/temp-dir.js';
import { faultyFs, fsError } from '../store/faulty-fs.js';

/**
 * The product over a disk that turns read-only and back: writes answer 503 and change nothing, /healthz
 * says why while they fail, and both recover without a restart.
 */
describe('/healthz follows the store', () => {
  it('answers 503 with the reason while writes fail, and 200 again once the disk is writable', async () => {
    const fs = faultyFs();
    const store = await openLowdbStore({ dataDir: await tempDir(), fs });
    const clock = new FakeClock();
    const { index, detach } = await attachChallengeIndex(store);
    const services = createServices({ store, clock, index, subscribers: createSubscriptionIndex() });
    const app = createApp({
      services,
      clock,
      config: { corsOrigins: [], trustProxy: 0, authRateLimit: 10_000, bodyLimitBytes: 256 * 1024, publicUrl: 'http://localhost:8787' },
    });
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await app.request(path, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
      return { status: response.status, body: (await response.json()) as any };
    };
    const register = (email: string) =>
      call('POST', '/api/auth/register', { roles: ['researcher'], displayName: 'Disk Watcher', email, password: 'correct horse battery' });

    expect(await call('GET', '/healthz')).toMatchObject({ status: 200, body: { ok: true } });

    fs.rule = (op, path) => (path.endsWith('.log') && ['open', 'write', 'datasync', 'truncate'].includes(op) ? fsError('EROFS') : undefined);
    expect(await register('first@example.test')).toMatchObject({ status: 503, body: { error: { code: 'unavailable' } } });
    const failing = await call('GET', '/healthz');
    expect(failing).toMatchObject({ status: 503, body: { ok: false, reason: expect.stringMatching(/EROFS/) } });

    fs.rule = null;
    await expect.poll(async () => (await call('GET', '/healthz')).status, { timeout: 10_000 }).toBe(200);
    expect((await register('first@example.test')).status).toBe(201);
    detach();
    await store.close();
  });
});
