import { afterEach } from 'vitest';
import { createRuntime, type Runtime } from '../../server/runtime.js';
import { FakeClock } from './fake-clock.js';
import { tempDir } from './temp-dir.js';

export interface TestRuntime extends Runtime {
  clock: FakeClock;
  dataDir: string;
  /** Calls the API like a client would: JSON in, `{ status, body }` out. */
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
}

const open: Runtime[] = [];

/**
 * The real product (store on a fresh temp dir, services, HTTP app) with a fake clock, closed after the
 * test. Auth rate limits are high so tests can register freely; a rate-limit test passes its own config.
 */
export async function testRuntime(options: { clock?: FakeClock; dataDir?: string; authRateLimit?: number; trustProxy?: number } = {}): Promise<TestRuntime> {
  const clock = options.clock ?? new FakeClock();
  const dataDir = options.dataDir ?? (await tempDir());
  const runtime = await createRuntime({
    dataDir,
    clock,
    config: { corsOrigins: [], trustProxy: options.trustProxy ?? 0, authRateLimit: options.authRateLimit ?? 10_000, bodyLimitBytes: 256 * 1024, publicUrl: 'http://localhost:8787' },
  });
  open.push(runtime);
  return {
    ...runtime,
    clock,
    dataDir,
    async call(method, path, { token, body, headers } = {}) {
      const init: RequestInit = { method, headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } };
      if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
      const response = await runtime.app.request(path, init);
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON: keep the text */
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
  };
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});
