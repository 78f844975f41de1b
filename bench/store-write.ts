import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Clock } from '../server/clock.js';
import { isAcceptingBids } from '../server/domain/challenge-lifecycle.js';
import { createServices } from '../server/domain/services.js';
import { createChallengeIndex } from '../server/search/challenge-index.js';
import { createSubscriptionIndex } from '../server/search/subscription-index.js';
import { DurableJsonFile, writeFileDurably } from '../server/store/durable-json-file.js';
import { openLowdbStore } from '../server/store/lowdb-store.js';
import { createRuntime } from '../server/runtime.js';
import type { AccountRow, BidRow, ChallengeRow } from '../server/store/rows.js';
import type { Store } from '../server/store/store.js';
import { CORPUS_EPOCH, createRandom, generateChallenges } from './corpus.js';
import { measureGroupCommit } from './group-commit.js';
import { percentile, retainedBytes } from './measure.js';
import type { BenchRow, BenchSection } from './table.js';

export const CHALLENGES = 10_000;
export const BIDS = 50_000;
export const ACCOUNTS = 20_000;
/** Enterprise owners the corpus uses (`acc_e0` … `acc_e1999`); the rest are researchers. */
const ENTERPRISES = 2_000;
const SUBMITS = 300;
const ONE_FILE_WRITES = 8;
const DAY = 86_400_000;

/** A clock fixed where most of the corpus is open, so bids are accepted. */
export const clock: Clock = { now: () => new Date(CORPUS_EPOCH + 151 * DAY) };

function account(id: string, roles: AccountRow['roles'], n: number): AccountRow {
  const at = new Date(CORPUS_EPOCH + n * 1000).toISOString();
  return {
    id,
    roles,
    displayName: `Person ${n}`,
    organization: `Institute ${n % 500}`,
    email: `${id}@bench.test`,
    passwordHash: 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=',
    locale: n % 2 ? 'zh' : 'en',
    fields: ['energy'],
    keywords: ['battery', 'perovskite'],
    orcid: null,
    bio: '',
    telegram: n % 3 ? { userId: n, chatId: n, username: `user${n}`, blocked: false } : null,
    createdAt: at,
    updatedAt: at,
  };
}

function bid(n: number, challenge: ChallengeRow, bidderId: string): BidRow {
  const at = new Date(Date.parse(challenge.createdAt) + DAY).toISOString();
  const receipt = { sha256: 'a'.repeat(64), receivedAt: at, revision: 1 };
  return {
    id: `bid_${n.toString(36).padStart(7, '0')}`,
    challengeId: challenge.id,
    bidderId,
    summary: 'Hydrometallurgical recovery of lithium, nickel and cobalt with a closed water loop.',
    approach: 'We leach black mass in sulfuric acid with hydrogen peroxide, separate Ni/Co by solvent extraction, precipitate lithium carbonate, and recycle the process water. '.repeat(4),
    price: { amount: 180000, currency: 'CNY' },
    durationWeeks: 16,
    milestones: [
      { title: 'Lab-scale leaching', weeks: 6, amount: 60000 },
      { title: 'Pilot line', weeks: 10, amount: 120000 },
    ],
    references: [{ paperId: null, title: 'Recycling lithium-ion batteries', authors: [{ given: 'Wei', family: 'Zhang' }], doi: '10.1038/s41586-019-1682-5', arxivId: null, year: 2019, venue: 'Nature', url: null }],
    status: 'submitted',
    revision: 1,
    history: [],
    feedback: null,
    receipt,
    createdAt: at,
    updatedAt: at,
  };
}

export interface Dataset {
  accounts: AccountRow[];
  challenges: ChallengeRow[];
  bids: BidRow[];
}

export function generateDataset(): Dataset {
  const random = createRandom(7);
  const accounts = Array.from({ length: ACCOUNTS }, (_, n) =>
    n < ENTERPRISES ? account(`acc_e${n}`, ['enterprise'], n) : account(`acc_r${n}`, ['researcher'], n),
  );
  const challenges = generateChallenges(CHALLENGES);
  const taken = new Set<string>();
  const bids: BidRow[] = [];
  while (bids.length < BIDS) {
    const challenge = random.pick(challenges);
    const bidderId = `acc_r${random.int(ENTERPRISES, ACCOUNTS - 1)}`;
    const key = `${challenge.id} ${bidderId}`;
    if (taken.has(key)) continue;
    taken.add(key);
    bids.push(bid(bids.length, challenge, bidderId));
  }
  return { accounts, challenges, bids };
}

export async function load(store: Store, data: Dataset): Promise<void> {
  const chunk = 5_000;
  for (const [table, rows] of [['accounts', data.accounts], ['challenges', data.challenges], ['bids', data.bids]] as const) {
    for (let i = 0; i < rows.length; i += chunk) {
      await store.transact(async (tx) => {
        for (const row of rows.slice(i, i + chunk)) await (tx[table] as { insert(r: unknown): Promise<unknown> }).insert(row);
      });
    }
  }
}

/** Bid submits through the real service: permission checks, the sealed-bid rules, one durable commit each. */
async function measureSubmits(dataDir: string, data: Dataset, count: number): Promise<number[]> {
  const store = await openLowdbStore({ dataDir });
  const services = createServices({ store, clock, index: createChallengeIndex(), subscribers: createSubscriptionIndex() });
  const random = createRandom(11);
  const open = data.challenges.filter((c) => isAcceptingBids(c, clock.now()));
  const bidding = new Set(data.bids.map((b) => `${b.challengeId} ${b.bidderId}`));
  const times: number[] = [];
  while (times.length < count) {
    const challenge = random.pick(open);
    const bidder = await store.tables.accounts.get(`acc_r${random.int(ENTERPRISES, ACCOUNTS - 1)}`);
    if (!bidder || bidding.has(`${challenge.id} ${bidder.id}`)) continue;
    bidding.add(`${challenge.id} ${bidder.id}`);
    const start = performance.now();
    await services.bids.submit(bidder, challenge.id, {
      summary: 'A sealed proposal with a concrete plan and budget.',
      approach: 'Two phases: lab validation, then a pilot with the enterprise’s own material.',
      price: { amount: 150000, currency: 'CNY' },
      durationWeeks: 12,
    });
    times.push(performance.now() - start);
  }
  await store.close();
  return times;
}

/**
 * Start-up of the whole runtime on the stored data (lock, read every file, build the search and
 * subscription indexes, services, app), beside just reading and parsing the same files, and the memory the
 * running runtime keeps.
 */
async function measureStartup(dataDir: string): Promise<{ startMs: number; readMs: number; heapMb: number }> {
  const before = retainedBytes();
  const started = performance.now();
  const runtime = await createRuntime({ store: await openLowdbStore({ dataDir }), dataDir, clock, config: { corsOrigins: [], trustProxy: 0, authRateLimit: 1, bodyLimitBytes: 1024, publicUrl: 'http://localhost' } });
  const startMs = performance.now() - started;
  const heapMb = (retainedBytes() - before) / 1e6;
  await runtime.close();
  const reading = performance.now();
  for (const table of await readdir(dataDir, { withFileTypes: true })) {
    if (!table.isDirectory()) continue;
    for (const file of await readdir(join(dataDir, table.name))) JSON.parse(await readFile(join(dataDir, table.name, file), 'utf8'));
  }
  return { startMs, readMs: performance.now() - reading, heapMb };
}

/** The reference: the same data as one lowdb JSON file, rewritten durably on every write. */
async function measureOneFile(dir: string, data: Dataset, count: number): Promise<number[]> {
  const db = new Low(new DurableJsonFile<Dataset>(join(dir, 'db.json')), data);
  await db.write();
  const times: number[] = [];
  for (let n = 0; n < count; n++) {
    const start = performance.now();
    db.data.bids.push(bid(BIDS + n, data.challenges[n]!, `acc_r${ENTERPRISES + n}`));
    await db.write();
    times.push(performance.now() - start);
  }
  return times;
}

/** The floor: one small durable write (temp file, fsync, rename, directory fsync) on this disk. */
async function measureFloor(dir: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let n = 0; n < count; n++) {
    const start = performance.now();
    await writeFileDurably(join(dir, 'floor.json'), JSON.stringify({ n, pad: 'x'.repeat(1000) }));
    times.push(performance.now() - start);
  }
  return times;
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;

export const storeWriteSection: BenchSection = {
  name: 'store',
  async run(): Promise<BenchRow[]> {
    const dir = await mkdtemp(join(tmpdir(), 'tenderlab-bench-'));
    try {
      const data = generateDataset();
      const dataDir = join(dir, 'data');
      const seeding = await openLowdbStore({ dataDir });
      await load(seeding, data);
      await seeding.close();

      const startup = await measureStartup(dataDir);
      const submits = await measureSubmits(dataDir, data, SUBMITS);
      const groupCommit = await measureGroupCommit(
        {
          dataDir,
          clock,
          challengeIds: data.challenges.filter((c) => isAcceptingBids(c, clock.now())).map((c) => c.id),
          bidderIds: data.accounts.filter((a) => a.roles.includes('researcher')).map((a) => a.id),
        },
        dir,
      );
      const oneFile = await measureOneFile(dir, data, ONE_FILE_WRITES);
      const floor = await measureFloor(dir, 100);
      const size = `${CHALLENGES.toLocaleString('en')} challenges, ${BIDS.toLocaleString('en')} bids, ${ACCOUNTS.toLocaleString('en')} accounts`;
      const p50 = percentile(submits, 50);
      return [
        {
          benchmark: `store · bid submit · ${size}`,
          measure: `p50 (${SUBMITS} submits)`,
          value: ms(p50),
          reference: `${ms(percentile(oneFile, 50))} one-file lowdb`,
          comparison: `${Math.round(percentile(oneFile, 50) / p50)}× faster`,
        },
        {
          benchmark: `store · bid submit · ${size}`,
          measure: 'p99',
          value: ms(percentile(submits, 99)),
          reference: `${ms(percentile(oneFile, 99))} one-file lowdb`,
          comparison: `${Math.round(percentile(oneFile, 99) / percentile(submits, 99))}× faster`,
        },
        {
          benchmark: `start-up · ${size}`,
          measure: 'open, load, build indexes',
          value: `${(startup.startMs / 1000).toFixed(2)} s`,
          reference: `${(startup.readMs / 1000).toFixed(2)} s reading + parsing the files`,
          comparison: `${startup.heapMb.toFixed(0)} MB held in memory`,
        },
        {
          benchmark: 'store · floor',
          measure: 'p50 vs one 1 KB durable write',
          value: ms(p50),
          reference: `${ms(percentile(floor, 50))} (tmp + fsync + rename)`,
          comparison: `${(p50 / percentile(floor, 50)).toFixed(1)}× the floor`,
        },
        ...groupCommit,
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
