import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Clock } from '../server/clock.js';
import { createServices } from '../server/domain/services.js';
import { createChallengeIndex } from '../server/search/challenge-index.js';
import { createSubscriptionIndex } from '../server/search/subscription-index.js';
import { writeFileDurably } from '../server/store/durable-json-file.js';
import { openLowdbStore } from '../server/store/lowdb-store.js';
import type { Store } from '../server/store/store.js';
import { createRandom } from './corpus.js';
import { percentile } from './measure.js';
import type { BenchRow } from './table.js';

/**
 * Acknowledged durable writes per second: bid submits through the real service, one writer after another
 * and with 8 and 32 writers at once (group commit), beside a bare durable-file loop and SQLite (WAL,
 * synchronous=FULL, one commit per request) on the same disk in the same run; and one writer's latency
 * alone and while 40 readers keep the store busy.
 */

/** Untimed first, so the serial rate is not the JIT's warm-up. */
const WARMUP_WRITES = 50;
const SERIAL_WRITES = 300;
const CONCURRENT_WRITES = 1_500;
const WRITER_SAMPLES = 200;
const READERS = 40;

/** Where the bench installs better-sqlite3 on first use: outside the repository, so CI never builds it. */
const SQLITE_CACHE = join(homedir(), '.cache', 'tenderlab-bench');
const SQLITE_PACKAGE = 'better-sqlite3@12';

export interface SubmitPlan {
  dataDir: string;
  clock: Clock;
  /** Challenges that accept bids now. */
  challengeIds: readonly string[];
  /** Researcher accounts that may bid. */
  bidderIds: readonly string[];
}

interface Submitter {
  store: Store;
  /** One bid submit on a pair that has not bid yet; resolves once it is acknowledged (durable). */
  submit(): Promise<void>;
}

async function openSubmitter(plan: SubmitPlan, seed: number): Promise<Submitter> {
  const store = await openLowdbStore({ dataDir: plan.dataDir });
  const services = createServices({ store, clock: plan.clock, index: createChallengeIndex(), subscribers: createSubscriptionIndex() });
  const random = createRandom(seed);
  const taken = new Set((await store.tables.bids.all()).map((b) => `${b.challengeId} ${b.bidderId}`));
  return {
    store,
    async submit() {
      for (;;) {
        const challengeId = random.pick(plan.challengeIds);
        const bidderId = random.pick(plan.bidderIds);
        if (taken.has(`${challengeId} ${bidderId}`)) continue;
        taken.add(`${challengeId} ${bidderId}`);
        const bidder = (await store.tables.accounts.get(bidderId))!;
        await services.bids.submit(bidder, challengeId, {
          summary: 'A sealed proposal with a concrete plan and budget.',
          approach: 'Two phases: lab validation, then a pilot with the enterprise’s own material.',
          price: { amount: 150000, currency: 'CNY' },
          durationWeeks: 12,
        });
        return;
      }
    },
  };
}

/** Acknowledged writes per second with `writers` writers each submitting as soon as its last is acknowledged. */
async function writesPerSecond(submitter: Submitter, writers: number, total: number): Promise<number> {
  let started = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (started < total) {
        started++;
        await submitter.submit();
      }
    }),
  );
  return total / ((performance.now() - start) / 1000);
}

/** A writer's latencies while `readers` readers keep reading challenges and their bids. */
async function writerLatencies(submitter: Submitter, plan: SubmitPlan, readers: number): Promise<number[]> {
  let running = true;
  const random = createRandom(5);
  const reading = Array.from({ length: readers }, async () => {
    while (running) {
      const id = random.pick(plan.challengeIds);
      const challenge = await submitter.store.tables.challenges.get(id);
      const bids = await submitter.store.tables.bids.where('challengeId', id);
      JSON.stringify({ challenge, bids: bids.length });
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
  const times: number[] = [];
  for (let i = 0; i < WRITER_SAMPLES; i++) {
    const start = performance.now();
    await submitter.submit();
    times.push(performance.now() - start);
  }
  running = false;
  await Promise.all(reading);
  return times;
}

/** The floor of a durable small file: write a temporary file, fsync, rename, fsync the folder; writes/s. */
async function bareDurableWrites(dir: string, count: number): Promise<number> {
  const start = performance.now();
  for (let n = 0; n < count; n++) await writeFileDurably(join(dir, 'floor.json'), JSON.stringify({ n, pad: 'x'.repeat(1500) }));
  return count / ((performance.now() - start) / 1000);
}

type SqliteDatabase = {
  pragma(sql: string): unknown;
  exec(sql: string): void;
  prepare(sql: string): { run(...args: unknown[]): unknown };
  transaction(fn: () => void): () => void;
  close(): void;
};
type SqliteOpen = new (path: string) => SqliteDatabase;

/** better-sqlite3 from the bench cache, installed there (built from source, about a minute) on first use. */
async function loadSqlite(): Promise<SqliteOpen | string> {
  const require = createRequire(join(SQLITE_CACHE, 'package.json'));
  try {
    return require('better-sqlite3') as SqliteOpen;
  } catch {
    // Not installed yet: install it below.
  }
  if (process.env.BENCH_SQLITE === '0') return 'BENCH_SQLITE=0';
  console.error(`installing ${SQLITE_PACKAGE} into ${SQLITE_CACHE} for the SQLite reference (bench only, builds from source)…`);
  try {
    await mkdir(SQLITE_CACHE, { recursive: true });
    await writeFile(join(SQLITE_CACHE, 'package.json'), '{"name":"tenderlab-bench-cache","private":true}\n', { flag: 'wx' }).catch(() => undefined);
    await promisify(execFile)('npm', ['install', '--no-audit', '--no-fund', '--prefix', SQLITE_CACHE, SQLITE_PACKAGE], { timeout: 10 * 60_000 });
    return require('better-sqlite3') as SqliteOpen;
  } catch (error) {
    return `could not install ${SQLITE_PACKAGE}: ${(error as Error).message.split('\n')[0]}`;
  }
}

/** SQLite in WAL mode with synchronous=FULL, one transaction (insert a bid, count it on its challenge) per request; commits/s. */
function sqliteCommits(Database: SqliteOpen, dir: string, count: number): number {
  const db = new Database(join(dir, 'reference.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE challenges (id TEXT PRIMARY KEY, bids INTEGER NOT NULL); CREATE TABLE bids (id TEXT PRIMARY KEY, challenge_id TEXT NOT NULL, row TEXT NOT NULL); CREATE INDEX bids_challenge ON bids (challenge_id);');
  const challenges = db.prepare('INSERT INTO challenges (id, bids) VALUES (?, 0)');
  db.transaction(() => {
    for (let i = 0; i < 1000; i++) challenges.run(`chl_${i}`);
  })();
  const insert = db.prepare('INSERT INTO bids (id, challenge_id, row) VALUES (?, ?, ?)');
  const countBid = db.prepare('UPDATE challenges SET bids = bids + 1 WHERE id = ?');
  const row = JSON.stringify({ summary: 'A sealed proposal with a concrete plan and budget.', pad: 'x'.repeat(1500) });
  const submit = (n: number) =>
    db.transaction(() => {
      insert.run(`bid_${n}`, `chl_${n % 1000}`, row);
      countBid.run(`chl_${n % 1000}`);
    })();
  const start = performance.now();
  for (let n = 0; n < count; n++) submit(n);
  const rate = count / ((performance.now() - start) / 1000);
  db.close();
  return rate;
}

const perSecond = (rate: number) => `${Math.round(rate).toLocaleString('en-US')}/s`;
const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;

/** The group-commit rows of the store section. `dir` is a scratch folder on the same disk as `plan.dataDir`. */
export async function measureGroupCommit(plan: SubmitPlan, dir: string): Promise<BenchRow[]> {
  const submitter = await openSubmitter(plan, 13);
  let serial: number, c8: number, c32: number, idle: number[], loaded: number[];
  try {
    await writesPerSecond(submitter, 1, WARMUP_WRITES);
    serial = await writesPerSecond(submitter, 1, SERIAL_WRITES);
    c8 = await writesPerSecond(submitter, 8, CONCURRENT_WRITES);
    c32 = await writesPerSecond(submitter, 32, CONCURRENT_WRITES);
    idle = await writerLatencies(submitter, plan, 0);
    loaded = await writerLatencies(submitter, plan, READERS);
  } finally {
    await submitter.store.close();
  }
  const bare = await bareDurableWrites(dir, SERIAL_WRITES);
  const Database = await loadSqlite();
  const sqlite = typeof Database === 'string' ? null : sqliteCommits(Database, dir, SERIAL_WRITES * 2);
  if (typeof Database === 'string') console.error(`SQLite reference skipped: ${Database}`);
  const sqliteRef = sqlite === null ? 'SQLite: not available (see stderr)' : `${perSecond(sqlite)} SQLite WAL, synchronous=FULL, 1 commit/request`;
  const vsSqlite = (rate: number) => (sqlite === null ? '—' : `${(rate / sqlite).toFixed(1)}× SQLite`);
  const benchmark = 'store · acknowledged bid submits';
  return [
    { benchmark, measure: 'writes/s, 1 writer', value: perSecond(serial), reference: `${perSecond(bare)} bare tmp + fsync + rename loop`, comparison: `${(serial / bare).toFixed(1)}× the bare loop` },
    { benchmark, measure: 'writes/s, 8 writers (group commit)', value: perSecond(c8), reference: sqliteRef, comparison: `${(c8 / serial).toFixed(1)}× serial, ${vsSqlite(c8)}` },
    { benchmark, measure: 'writes/s, 32 writers (group commit)', value: perSecond(c32), reference: sqliteRef, comparison: `${(c32 / serial).toFixed(1)}× serial, ${vsSqlite(c32)}` },
    {
      benchmark: `store · one writer under ${READERS} readers`,
      measure: `p99 (p50) of ${WRITER_SAMPLES} submits`,
      value: `${ms(percentile(loaded, 99))} (${ms(percentile(loaded, 50))})`,
      reference: `${ms(percentile(idle, 99))} (${ms(percentile(idle, 50))}) alone`,
      comparison: `${(percentile(loaded, 99) / percentile(idle, 99)).toFixed(1)}× the idle p99`,
    },
  ];
}
