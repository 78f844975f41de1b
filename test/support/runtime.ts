import { afterEach } from 'vitest';
import { createRuntime, type Runtime } from '../../server/runtime.js';
import { FakeClock } from './fake-clock.js';
import { tempDir } from './temp-dir.js';
import { openTestStore } from './test-store.js';

export interface TestRuntime extends Runtime {
  clock: FakeClock;
  dataDir: string;
  /** Calls the API like a client would: JSON in, `{ status, body }` out. */
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
}

const open: { runtime: Runtime; discard(): Promise<void> }[] = [];

/**
 * The real product (a fresh store, services, HTTP app) with a fake clock, closed after the test. The store
 * is this vitest project's kind (support/test-store.ts): lowdb on a fresh temp dir, or in the `pg` project
 * a fresh PostgreSQL database (`dataDir` then holds only the search-index cache, as in production). Auth
 * rate limits are high so tests can register freely; a rate-limit test passes its own config.
 */
export async function testRuntime(options: { clock?: FakeClock; dataDir?: string; authRateLimit?: number; trustProxy?: number } = {}): Promise<TestRuntime> {
  const clock = options.clock ?? new FakeClock();
  const dataDir = options.dataDir ?? (await tempDir());
  const { store, discard } = await openTestStore(dataDir);
  const runtime = await createRuntime({
    store,
    dataDir,
    clock,
    config: { corsOrigins: [], trustProxy: options.trustProxy ?? 0, authRateLimit: options.authRateLimit ?? 10_000, bodyLimitBytes: 256 * 1024, publicUrl: 'http://localhost:8787' },
  });
  open.push({ runtime, discard });
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
  await Promise.all(
    open.splice(0).map(async ({ runtime, discard }) => {
      await runtime.close();
      await discard();
    }),
  );
});
