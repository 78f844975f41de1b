import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from 'autocannon';
import { isAcceptingBids } from '../server/domain/challenge-lifecycle.js';
import { createRuntime } from '../server/runtime.js';
import { openLowdbStore } from '../server/store/lowdb-store.js';
import { openPgStore } from '../server/store/pg/pg-store.js';
import type { Store } from '../server/store/store.js';
import { startPostgres } from '../test/support/postgres.js';
import { load$, startServer, stopServer } from './http-read.js';
import { compare, percentile } from './measure.js';
import { loadPostgres } from './pg-load.js';
import { ACCOUNTS, BIDS, CHALLENGES, clock, generateDataset, load } from './store-write.js';
import type { BenchRow, BenchSection } from './table.js';

const SIZE = `${CHALLENGES.toLocaleString('en')} challenges, ${BIDS.toLocaleString('en')} bids, ${ACCOUNTS.toLocaleString('en')} accounts`;
const SEARCH_PATH = `/api/challenges?q=${encodeURIComponent('battery 电池')}`;
const CONNECTIONS = 50;
const SECONDS = 5;
const SERIAL_SUBMITS = 100;
const WRITERS = 32;
const SUBMITS_PER_WRITER = 10;
const CONFIG = { corsOrigins: [], trustProxy: 0, authRateLimit: 1, bodyLimitBytes: 1024, publicUrl: 'http://localhost' };

/** Milliseconds to start the runtime on a store (open, indexes, services, app) with `cacheDir`'s saved index; closed after. */
async function timeStart(open: () => Promise<Store>, cacheDir: string): Promise<number> {
  const started = performance.now();
  const runtime = await createRuntime({ store: await open(), dataDir: cacheDir, clock, config: CONFIG });
  const ms = performance.now() - started;
  await runtime.close();
  return ms;
}

async function post(url: string, body: unknown, token?: string): Promise<{ status: number; json: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

/** New researcher accounts over HTTP (they have no bids yet), their tokens. */
async function researchers(base: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const { json } = await post(`${base}/api/auth/register`, {
      roles: ['researcher'],
      displayName: `Bench Bidder ${i}`,
      organization: 'Bench',
      email: `bidder${i}@bench.test`,
      password: 'a bench bidder password 2026',
      locale: 'en',
    });
    tokens.push(json.token);
  }
  return tokens;
}

/** Milliseconds of each bid submit over HTTP: a serial run by one bidder, then WRITERS bidders at once. */
async function submits(base: string, open: readonly string[]): Promise<{ serial: number[]; concurrent: number[]; perSecond: number; failed: number }> {
  const tokens = await researchers(base, WRITERS + 1);
  let failed = 0;
  const submit = async (token: string, challengeId: string) => {
    const started = performance.now();
    const { status } = await post(`${base}/api/challenges/${challengeId}/bids`, {
      summary: 'A sealed proposal with a concrete plan and budget.',
      approach: 'Two phases: lab validation, then a pilot with the enterprise’s own material.',
      price: { amount: 150000, currency: 'CNY' },
      durationWeeks: 12,
    }, token);
    if (status !== 201) failed++;
    return performance.now() - started;
  };
  const serial: number[] = [];
  for (let i = 0; i < SERIAL_SUBMITS; i++) serial.push(await submit(tokens[WRITERS]!, open[i]!));
  const concurrent: number[] = [];
  const wall = performance.now();
  await Promise.all(
    tokens.slice(0, WRITERS).map(async (token, w) => {
      for (let i = 0; i < SUBMITS_PER_WRITER; i++) concurrent.push(await submit(token, open[(w * SUBMITS_PER_WRITER + i) % open.length]!));
    }),
  );
  return { serial, concurrent, perSecond: (concurrent.length / (performance.now() - wall)) * 1000, failed };
}

interface HttpFigures {
  anonymous: Result;
  signedIn: Result;
  bids: Awaited<ReturnType<typeof submits>>;
}

/** Search load (anonymous, then signed in: computed per caller, never cached) and bid submits on one server. */
async function measureServer(base: string, open: readonly string[]): Promise<HttpFigures> {
  const { json } = await post(`${base}/api/auth/register`, {
    roles: ['researcher'],
    displayName: 'Bench Reader',
    organization: 'Bench',
    email: 'reader@bench.test',
    password: 'a bench reader password 2026',
    locale: 'en',
  });
  await load$(`${base}${SEARCH_PATH}`, CONNECTIONS, 1);
  const anonymous = await load$(`${base}${SEARCH_PATH}`, CONNECTIONS, SECONDS);
  await load$(`${base}${SEARCH_PATH}`, CONNECTIONS, 1, json.token);
  const signedIn = await load$(`${base}${SEARCH_PATH}`, CONNECTIONS, SECONDS, json.token);
  return { anonymous, signedIn, bids: await submits(base, open) };
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
const latency = (r: Result) => `p50 ${r.latency.p50} / p99 ${r.latency.p99} ms, ${Math.round(r.requests.average).toLocaleString('en')} req/s`;
const failures = (r: Result) => (r.errors + r.non2xx > 0 ? ` (${r.errors} errors, ${r.non2xx} non-2xx)` : '');

/**
 * One instance over HTTP on PostgreSQL beside one on lowdb, the same data in the same run: start-up with a
 * saved search index, search p99 under load, bid submits one at a time and by 32 writers at once (each a
 * sealed-bid write through auth, the service and the store). The database is a durable throwaway cluster
 * on this machine (test/support/postgres.ts), so the server shares the CPU with it, as on one small host;
 * the in-process figures of the store alone are pg-store.ts's.
 */
export const pgHttpSection: BenchSection = {
  name: 'pg-http',
  async run(): Promise<BenchRow[]> {
    const data = generateDataset();
    const open = data.challenges.filter((c) => isAcceptingBids(c, clock.now())).map((c) => c.id);
    const dir = await mkdtemp(join(tmpdir(), 'tenderlab-bench-pg-http-'));
    const cluster = await startPostgres({ durable: true });
    const servers: ChildProcess[] = [];
    try {
      const url = await cluster.createDatabase();
      const loadStarted = performance.now();
      await loadPostgres(url, data);
      const loadMs = performance.now() - loadStarted;
      const lowdbDir = join(dir, 'lowdb');
      const seeding = await openLowdbStore({ dataDir: lowdbDir });
      await load(seeding, data);
      await seeding.close();

      // The first start of each analyses every text and saves the analysis; the second starts from it.
      const pgCache = join(dir, 'pg-cache');
      const openPg = () => openPgStore({ connectionString: url });
      const openLowdb = () => openLowdbStore({ dataDir: lowdbDir });
      await timeStart(openPg, pgCache);
      await timeStart(openLowdb, lowdbDir);
      const pgStart = await timeStart(openPg, pgCache);
      const lowdbStart = await timeStart(openLowdb, lowdbDir);

      const pgServer = await startServer('app', pgCache, url);
      servers.push(pgServer.child);
      const onPg = await measureServer(pgServer.base, open);
      await stopServer(servers.pop()!);
      const lowdbServer = await startServer('app', lowdbDir);
      servers.push(lowdbServer.child);
      const onLowdb = await measureServer(lowdbServer.base, open);

      const bids = (f: HttpFigures) => f.bids;
      const submitRow = (measure: string, pick: (f: HttpFigures) => number[], p: number): BenchRow => ({
        benchmark: `pg · HTTP bid submit · ${SIZE}`,
        measure,
        value: ms(percentile(pick(onPg), p)),
        reference: `${ms(percentile(pick(onLowdb), p))} lowdb`,
        comparison: compare(percentile(pick(onPg), p), percentile(pick(onLowdb), p)),
      });
      const failed = onPg.bids.failed + onLowdb.bids.failed;
      return [
        {
          benchmark: `pg · start-up · ${SIZE}`,
          measure: 'with the saved search index',
          value: `${(pgStart / 1000).toFixed(2)} s`,
          reference: `${(lowdbStart / 1000).toFixed(2)} s lowdb`,
          comparison: `${compare(pgStart, lowdbStart)}; batched load of the ${(ACCOUNTS + CHALLENGES + BIDS).toLocaleString('en')} rows ${(loadMs / 1000).toFixed(1)} s`,
        },
        {
          benchmark: `pg · HTTP search · ${SIZE}`,
          measure: `anonymous, ${CONNECTIONS} connections, ${SECONDS} s`,
          value: latency(onPg.anonymous) + failures(onPg.anonymous),
          reference: `${latency(onLowdb.anonymous)} lowdb`,
          comparison: `p99 ${compare(onPg.anonymous.latency.p99, onLowdb.anonymous.latency.p99)}`,
        },
        {
          benchmark: `pg · HTTP search · ${SIZE}`,
          measure: `signed in (never cached), ${CONNECTIONS} connections, ${SECONDS} s`,
          value: latency(onPg.signedIn) + failures(onPg.signedIn),
          reference: `${latency(onLowdb.signedIn)} lowdb`,
          comparison: `p99 ${compare(onPg.signedIn.latency.p99, onLowdb.signedIn.latency.p99)}`,
        },
        submitRow(`p50 (${SERIAL_SUBMITS} serial)`, (f) => bids(f).serial, 50),
        submitRow('p99 serial', (f) => bids(f).serial, 99),
        submitRow(`p50 (${WRITERS * SUBMITS_PER_WRITER} by ${WRITERS} writers)`, (f) => bids(f).concurrent, 50),
        submitRow(`p99 (${WRITERS} writers)`, (f) => bids(f).concurrent, 99),
        {
          benchmark: `pg · HTTP bid submit · ${SIZE}`,
          measure: `acknowledged/s (${WRITERS} writers)`,
          value: onPg.bids.perSecond.toFixed(0),
          reference: `${onLowdb.bids.perSecond.toFixed(0)} lowdb`,
          comparison: `${(onPg.bids.perSecond / onLowdb.bids.perSecond).toFixed(2)}× lowdb's rate${failed > 0 ? `; ${failed} submits failed` : ''}`,
        },
      ];
    } finally {
      await Promise.all(servers.map(stopServer));
      await cluster.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
