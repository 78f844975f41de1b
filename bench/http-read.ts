import autocannon, { type Result } from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createRuntime } from '../server/runtime.js';
import { openLowdbStore } from '../server/store/lowdb-store.js';
import type { BareBodies } from './http-server.js';
import { percentile } from './measure.js';
import { ACCOUNTS, BIDS, CHALLENGES, clock, generateDataset, load } from './store-write.js';
import type { BenchRow, BenchSection } from './table.js';

/** Each load run: this many connections for this many seconds, the server and the reference alike. */
const CONNECTIONS = 50;
const SECONDS = 5;
const READERS = 40;
const SEARCH_PATH = `/api/challenges?q=${encodeURIComponent('battery 电池')}`;
const SIZE = `${CHALLENGES.toLocaleString('en')} challenges, ${BIDS.toLocaleString('en')} bids, ${ACCOUNTS.toLocaleString('en')} accounts`;

/** autocannon on `url` for `duration` seconds with `connections` at once (signed in with `token`, if any). */
export const load$ = (url: string, connections = CONNECTIONS, duration = SECONDS, token?: string) =>
  new Promise<Result>((resolve, reject) =>
    autocannon({ url, connections, duration, timeout: 30, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) }, (error, result) =>
      error ? reject(error) : resolve(result),
    ),
  );

/** A bench server (http-server.ts `mode …args`) in its own process, on loopback, and its base address. */
export async function startServer(mode: 'app' | 'bare', ...args: string[]): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'http-server.ts'), mode, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the ${mode} bench server exited (${code})`)));
  });
  return { base: `http://127.0.0.1:${line.trim()}`, child };
}

export async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Milliseconds to start the runtime on `dataDir` (lock, load, indexes, services, app), closed again after. */
async function timeStart(dataDir: string): Promise<number> {
  const started = performance.now();
  const runtime = await createRuntime({ store: await openLowdbStore({ dataDir }), dataDir, clock, config: { corsOrigins: [], trustProxy: 0, authRateLimit: 1, bodyLimitBytes: 1024, publicUrl: 'http://localhost' } });
  const ms = performance.now() - started;
  await runtime.close();
  return ms;
}

/** Milliseconds to read and parse every table file: the floor any start-up stands on. */
async function timeReadAndParse(dataDir: string): Promise<number> {
  const started = performance.now();
  for (const table of await readdir(dataDir, { withFileTypes: true })) {
    if (!table.isDirectory()) continue;
    for (const file of await readdir(join(dataDir, table.name))) {
      if (file.endsWith('.json')) JSON.parse(await readFile(join(dataDir, table.name, file), 'utf8'));
    }
  }
  return performance.now() - started;
}

const perSecond = (r: Result) => `${Math.round(r.requests.average).toLocaleString('en')} req/s, p99 ${r.latency.p99} ms`;
const failures = (r: Result) => (r.errors + r.non2xx > 0 ? ` (${r.errors} errors, ${r.non2xx} non-2xx)` : '');

/** One sequential writer (clip a paper) for `seconds`: per-write milliseconds, and how many failed. */
async function writer(base: string, token: string, seconds: number): Promise<{ times: number[]; failed: number }> {
  const times: number[] = [];
  let failed = 0;
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const started = performance.now();
    try {
      const response = await fetch(`${base}/api/me/papers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ url: `https://example.org/bench/${times.length}-${Math.random()}`, title: 'Bench probe paper' }),
        signal: AbortSignal.timeout(30_000),
      });
      await response.text();
      if (!response.ok) failed++;
    } catch {
      failed++;
    }
    times.push(performance.now() - started);
  }
  return { times, failed };
}

/**
 * Reads over HTTP on the full bench store, each beside a bare Hono app serving the same body from the
 * same Node in the same run (autocannon on loopback, both servers in processes of their own), and start-up
 * beside just reading and parsing the files.
 */
export const httpReadSection: BenchSection = {
  name: 'http',
  async run(): Promise<BenchRow[]> {
    const dir = await mkdtemp(join(tmpdir(), 'tenderlab-bench-http-'));
    const servers: ChildProcess[] = [];
    try {
      const dataDir = join(dir, 'data');
      const seeding = await openLowdbStore({ dataDir });
      await load(seeding, generateDataset());
      await seeding.close();

      // The first start analyses every text and saves the analysis; the second starts from it.
      const cold = await timeStart(dataDir);
      const warm = await timeStart(dataDir);
      const parse = await timeReadAndParse(dataDir);
      const rows: BenchRow[] = [
        {
          benchmark: `start-up · ${SIZE}`,
          measure: 'with the saved search index',
          value: `${(warm / 1000).toFixed(2)} s`,
          reference: `${(parse / 1000).toFixed(2)} s reading + parsing the files`,
          comparison: `${(warm / parse).toFixed(1)}× the parse (goal ≤ 2×); ${(cold / 1000).toFixed(2)} s analysing every text`,
        },
      ];

      const app = await startServer('app', dataDir);
      servers.push(app.child);
      const first = (await (await fetch(`${app.base}${SEARCH_PATH}`)).json()) as { items: { id: string }[] };
      const registered = await fetch(`${app.base}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ roles: ['researcher'], displayName: 'Bench Reader', organization: 'Bench', email: 'reader@bench.test', password: 'a bench reader password 2026', locale: 'en' }),
      });
      const { token } = (await registered.json()) as { token: string };
      // Anonymous readers share cached answers; a signed-in answer is built for its caller every time, from
      // ranked hits that all callers of the same search share (server/domain/shared-search.ts).
      const targets = [
        { name: 'search', path: SEARCH_PATH, goal: 0.5, token: undefined },
        { name: 'search, signed in (answer never cached)', path: SEARCH_PATH, goal: null, token },
        { name: 'challenge detail', path: `/api/challenges/${first.items[0]!.id}`, goal: 0.5, token: undefined },
        { name: 'board list page /', path: '/', goal: 0.25, token: undefined },
      ];
      const bodies: BareBodies = {};
      for (const { path, token: bearer } of targets) {
        const response = await fetch(`${app.base}${path}`, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {});
        bodies[path + (bearer ? '#signed' : '')] = { body: await response.text(), contentType: response.headers.get('content-type') ?? 'text/plain' };
      }
      const bodiesFile = join(dir, 'bodies.json');
      await writeFile(bodiesFile, JSON.stringify(bodies));
      const bare = await startServer('bare', bodiesFile);
      servers.push(bare.child);

      for (const { name, path, goal, token: bearer } of targets) {
        // Warm both up first (JIT, caches, connections), so neither is measured cold.
        await load$(`${app.base}${path}`, CONNECTIONS, 1, bearer);
        await load$(`${bare.base}${path}`, CONNECTIONS, 1, bearer);
        const ours = await load$(`${app.base}${path}`, CONNECTIONS, SECONDS, bearer);
        const reference = await load$(`${bare.base}${path}`, CONNECTIONS, SECONDS, bearer);
        const share = ours.requests.average / reference.requests.average;
        rows.push({
          benchmark: `HTTP ${name} · ${SIZE}`,
          measure: `${CONNECTIONS} connections, ${SECONDS} s`,
          value: perSecond(ours) + failures(ours),
          reference: `${perSecond(reference)} bare Hono, same body`,
          comparison: `${Math.round(share * 100)}% of bare${goal === null ? '' : ` (goal ≥ ${goal * 100}%)`}`,
        });
      }

      const idle = await writer(app.base, token, SECONDS);
      const readers = Promise.all([load$(`${app.base}${SEARCH_PATH}`, READERS / 2, SECONDS + 1), load$(`${app.base}/`, READERS / 2, SECONDS + 1)]);
      const busy = await writer(app.base, token, SECONDS);
      const [searching, browsing] = await readers;
      const p99 = (times: number[]) => percentile(times, 99);
      rows.push({
        benchmark: `HTTP writer (clip a paper) under ${READERS} readers`,
        measure: 'write p50 / p99',
        value: `${percentile(busy.times, 50).toFixed(1)} / ${p99(busy.times).toFixed(1)} ms (${busy.times.length} writes, ${busy.failed} failed)`,
        reference: `${percentile(idle.times, 50).toFixed(1)} / ${p99(idle.times).toFixed(1)} ms idle`,
        comparison: `p99 ${(p99(busy.times) / p99(idle.times)).toFixed(1)}× idle (goal ≤ 5×); readers ${Math.round(searching.requests.average + browsing.requests.average)} req/s`,
      });
      return rows;
    } finally {
      await Promise.all(servers.map(stopServer));
      await rm(dir, { recursive: true, force: true });
    }
  },
};
