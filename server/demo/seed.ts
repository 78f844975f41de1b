import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '../app.js';
import { describeDatabaseUrl } from '../config.js';
import { createRuntime } from '../runtime.js';
import { openLowdbStore } from '../store/lowdb-store.js';
import { openPgStore } from '../store/pg/pg-store.js';
import { openSeedMarks } from '../store/pg/seed-marks.js';
import type { Store } from '../store/store.js';
import { DEMO_DATASET } from './dataset.js';
import { ReplayClock } from './replay-clock.js';
import { demoTimeline } from './timeline.js';

// The app the runtime builds is never served during seeding; it only needs a well-formed config.
const SEEDING_CONFIG: AppConfig = {
  corsOrigins: [],
  trustProxy: 0,
  authRateLimit: 1,
  bodyLimitBytes: 1024,
  publicUrl: 'http://localhost',
};

/**
 * Loads the demo dataset into `dataDir` if it holds no account yet, and says whether it did. Everything
 * goes through the domain services — registrations, challenges, bids, questions, awards — replayed on a
 * clock that starts about four weeks ago and steps forward event by event, so dates are spread the way
 * a real exchange's would be and deadlines fall where the dataset puts them relative to now. A directory
 * that already has accounts (an earlier demo, or real data) is left untouched: the demo never mixes in.
 * The content is built in a sibling directory and moved in at the end, so a failed load leaves nothing
 * half-done behind.
 */
export async function seedDemo(dataDir: string): Promise<boolean> {
  // Holding the (empty) store keeps another process off the directory while the content is built.
  const existing = await openLowdbStore({ dataDir });
  if ((await existing.tables.accounts.count()) > 0) {
    await existing.close();
    return false;
  }
  const staging = `${dataDir.replace(/[\\/]+$/, '')}.seeding`;
  await rm(staging, { recursive: true, force: true });
  try {
    try {
      await loadDataset(await openLowdbStore({ dataDir: staging }), dataDir, 'nothing was changed there');
    } finally {
      await existing.close();
    }
    await moveTables(staging, dataDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return true;
}

/** The seed mark of the demo in a PostgreSQL database (store/pg/seed-marks.ts). */
const DEMO_MARK = 'demo';

/**
 * Loads the demo dataset into the PostgreSQL database at `databaseUrl` (migrating it first) and says
 * whether it did: true after loading it into an empty database, false when the database already holds a
 * finished demo load (used as it is). It refuses, changing nothing, a database with other data in it and
 * one whose earlier demo load did not finish. The load goes through the domain services as for a
 * directory, one transaction per event; the database is marked `loading` before the first and `loaded`
 * after the last, so an interrupted load is detected instead of served as the demo.
 */
export async function seedDemoDatabase(databaseUrl: string): Promise<boolean> {
  const shownAs = describeDatabaseUrl(databaseUrl);
  const store = await openPgStore({ connectionString: databaseUrl });
  const marks = openSeedMarks(databaseUrl);
  try {
    const state = await marks.state(DEMO_MARK);
    if (state === 'loaded') {
      await store.close();
      return false;
    }
    if (state === 'loading' || (await store.tables.accounts.count()) > 0 || !(await marks.begin(DEMO_MARK))) {
      await store.close();
      throw new Error(
        state === 'loading'
          ? `The database ${shownAs} holds a demo load that did not finish. Drop and create it again (or point DATABASE_URL at a new, empty database), then run npm run demo again.`
          : `The database ${shownAs} already holds data that is not the demo, or another demo load is under way. npm run demo loads only into an empty database: point DATABASE_URL at a new one.`,
      );
    }
    await loadDataset(store, shownAs, 'the database is marked as half-loaded: drop and create it again');
    await marks.finish(DEMO_MARK);
    return true;
  } finally {
    await marks.close();
  }
}

/** Replays the demo timeline through the services over `store`, then closes it; `afterFailure` says what a failure leaves. */
async function loadDataset(store: Store, shownAs: string, afterFailure: string): Promise<void> {
  const now = new Date();
  const timeline = demoTimeline(DEMO_DATASET, now);
  const clock = new ReplayClock(timeline[0]?.at ?? now);
  const runtime = await createRuntime({ store, clock, config: SEEDING_CONFIG });
  try {
    const ctx = { services: runtime.services, ids: new Map<string, string>() };
    for (const event of timeline) {
      clock.moveTo(event.at);
      try {
        await event.run(ctx);
      } catch (error) {
        throw new Error(`Loading the demo into ${shownAs} failed at "${event.what}" (${(error as Error).message}); ${afterFailure}.`, { cause: error });
      }
    }
    clock.moveTo(now);
    // Challenges whose deadline passed in the replay are stored as closed, as the server's upkeep would.
    await runtime.services.challenges.closeExpired();
    // Deals whose objection period ended in the replay are transferred, as the upkeep would.
    await runtime.services.deals.settleExpired();
  } finally {
    await runtime.close();
  }
}

/** Replace the (empty) table directories of `dataDir` with the seeded ones; nothing else there is touched. */
async function moveTables(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    await rm(join(to, entry.name), { recursive: true, force: true });
    await rename(join(from, entry.name), join(to, entry.name));
  }
}
