import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAcceptingBids } from '../server/domain/challenge-lifecycle.js';
import { createRuntime, type Runtime } from '../server/runtime.js';
import { openLowdbStore } from '../server/store/lowdb-store.js';
import { openPgStore } from '../server/store/pg/pg-store.js';
import type { Store } from '../server/store/store.js';
import { startPostgres } from '../test/support/postgres.js';
import { compare, percentile } from './measure.js';
import { ACCOUNTS, BIDS, CHALLENGES, clock, generateDataset, load, type Dataset } from './store-write.js';
import type { BenchRow, BenchSection } from './table.js';

/** Submits timed one after another, and then this many at once by `CONCURRENCY` writers. */
const SERIAL_SUBMITS = 200;
const CONCURRENCY = 32;
const CONCURRENT_SUBMITS = 320;

const CONFIG = { corsOrigins: [], trustProxy: 0, authRateLimit: 1, bodyLimitBytes: 1024, publicUrl: 'http://localhost' };

/** A bid to submit: a researcher and an open challenge they have not bid on. */
interface Submit {
  bidderId: string;
  challengeId: string;
}

/** The submits both stores get, in the same order: pairs the dataset has no bid for. */
function plan(data: Dataset, count: number): Submit[] {
  const taken = new Set(data.bids.map((b) => `${b.challengeId} ${b.bidderId}`));
  const open = data.challenges.filter((c) => isAcceptingBids(c, clock.now()));
  const researchers = data.accounts.filter((a) => a.roles.includes('researcher'));
  const submits: Submit[] = [];
  for (let n = 0; submits.length < count; n++) {
    const challengeId = open[(n * 7919) % open.length]!.id;
    const bidderId = researchers[(n * 104_729) % researchers.length]!.id;
    if (taken.has(`${challengeId} ${bidderId}`)) continue;
    taken.add(`${challengeId} ${bidderId}`);
    submits.push({ bidderId, challengeId });
  }
  return submits;
}

async function submit(runtime: Runtime, { bidderId, challengeId }: Submit): Promise<number> {
  const bidder = await runtime.store.tables.accounts.get(bidderId);
  const start = performance.now();
  await runtime.services.bids.submit(bidder!, challengeId, {
    summary: 'A sealed proposal with a concrete plan and budget.',
    approach: 'Two phases: lab validation, then a pilot with the enterprise’s own material.',
    price: { amount: 150000, currency: 'CNY' },
    durationWeeks: 12,
  });
  return performance.now() - start;
}

interface Figures {
  startMs: number;
  serial: number[];
  concurrent: number[];
  /** Acknowledged submits per second with CONCURRENCY writers. */
  perSecond: number;
}

/** Start-up on the loaded data (search and subscription indexes built from the store), then the submits. */
async function measure(open: () => Promise<Store>, submits: Submit[]): Promise<Figures> {
  const started = performance.now();
  const runtime = await createRuntime({ store: await open(), clock, config: CONFIG });
  const startMs = performance.now() - started;
  try {
    const serial: number[] = [];
    for (const s of submits.slice(0, SERIAL_SUBMITS)) serial.push(await submit(runtime, s));
    const queue = submits.slice(SERIAL_SUBMITS);
    const concurrent: number[] = [];
    const wall = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) concurrent.push(await submit(runtime, next));
      }),
    );
    return { startMs, serial, concurrent, perSecond: (concurrent.length / (performance.now() - wall)) * 1000 };
  } finally {
    await runtime.close();
  }
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;

/**
 * PostgreSQL beside lowdb, on the same data in the same run: the store section's dataset loaded into a
 * throwaway cluster (test/support/postgres.ts; durable settings as Debian ships them) and into a lowdb
 * directory; start-up of the runtime on each, bid submits through the services one at a time and 32 at
 * once. PostgreSQL's figures are one instance's; several instances share the database's write rate.
 */
export const pgStoreSection: BenchSection = {
  name: 'pg',
  async run(): Promise<BenchRow[]> {
    const data = generateDataset();
    const submits = plan(data, SERIAL_SUBMITS + CONCURRENT_SUBMITS);
    const dir = await mkdtemp(join(tmpdir(), 'tenderlab-bench-pg-'));
    const cluster = await startPostgres({ durable: true });
    try {
      const url = await cluster.createDatabase();
      const dataDir = join(dir, 'data');
      for (const open of [() => openPgStore({ connectionString: url }), () => openLowdbStore({ dataDir })]) {
        const store = await open();
        await load(store, data);
        await store.close();
      }
      const pg = await measure(() => openPgStore({ connectionString: url }), submits);
      const lowdb = await measure(() => openLowdbStore({ dataDir }), submits);
      const size = `${CHALLENGES.toLocaleString('en')} challenges, ${BIDS.toLocaleString('en')} bids, ${ACCOUNTS.toLocaleString('en')} accounts`;
      const row = (benchmark: string, measure: string, value: number, reference: number): BenchRow => ({
        benchmark,
        measure,
        value: ms(value),
        reference: `${ms(reference)} lowdb`,
        comparison: compare(value, reference),
      });
      return [
        row(`pg · bid submit · ${size}`, `p50 (${SERIAL_SUBMITS} serial)`, percentile(pg.serial, 50), percentile(lowdb.serial, 50)),
        row(`pg · bid submit · ${size}`, 'p99 serial', percentile(pg.serial, 99), percentile(lowdb.serial, 99)),
        row(`pg · bid submit · ${size}`, `p50 (${CONCURRENT_SUBMITS} by ${CONCURRENCY} writers)`, percentile(pg.concurrent, 50), percentile(lowdb.concurrent, 50)),
        row(`pg · bid submit · ${size}`, `p99 (${CONCURRENCY} writers)`, percentile(pg.concurrent, 99), percentile(lowdb.concurrent, 99)),
        {
          benchmark: `pg · bid submit · ${size}`,
          measure: `acknowledged/s (${CONCURRENCY} writers)`,
          value: pg.perSecond.toFixed(0),
          reference: `${lowdb.perSecond.toFixed(0)} lowdb`,
          comparison: `${(pg.perSecond / lowdb.perSecond).toFixed(2)}× lowdb's rate`,
        },
        {
          benchmark: `pg · start-up · ${size}`,
          measure: 'open, build indexes (no saved index)',
          value: `${(pg.startMs / 1000).toFixed(2)} s`,
          reference: `${(lowdb.startMs / 1000).toFixed(2)} s lowdb`,
          comparison: compare(pg.startMs, lowdb.startMs),
        },
      ];
    } finally {
      await cluster.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
