import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '../app.js';
import { createRuntime } from '../runtime.js';
import { openLowdbStore } from '../store/lowdb-store.js';
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
      await loadDataset(staging, dataDir);
    } finally {
      await existing.close();
    }
    await moveTables(staging, dataDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return true;
}

async function loadDataset(dir: string, shownAs: string): Promise<void> {
  const now = new Date();
  const timeline = demoTimeline(DEMO_DATASET, now);
  const clock = new ReplayClock(timeline[0]?.at ?? now);
  const runtime = await createRuntime({ dataDir: dir, clock, config: SEEDING_CONFIG });
  try {
    const ctx = { services: runtime.services, ids: new Map<string, string>() };
    for (const event of timeline) {
      clock.moveTo(event.at);
      try {
        await event.run(ctx);
      } catch (error) {
        throw new Error(`Loading the demo into ${shownAs} failed at "${event.what}" (${(error as Error).message}); nothing was changed there.`, { cause: error });
      }
    }
    clock.moveTo(now);
    // Challenges whose deadline passed in the replay are stored as closed, as the server's upkeep would.
    await runtime.services.challenges.closeExpired();
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
