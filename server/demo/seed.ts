import type { AppConfig } from '../app.js';
import { createRuntime } from '../runtime.js';
import { DEMO_DATASET } from './dataset.js';
import { ReplayClock } from './replay-clock.js';
import { demoTimeline } from './timeline.js';

// The app the runtime builds is never served during seeding; it only needs a well-formed config.
const SEEDING_CONFIG: AppConfig = {
  corsOrigins: [],
  trustProxy: false,
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
 */
export async function seedDemo(dataDir: string): Promise<boolean> {
  const now = new Date();
  const timeline = demoTimeline(DEMO_DATASET, now);
  const clock = new ReplayClock(timeline[0]?.at ?? now);
  const runtime = await createRuntime({ dataDir, clock, config: SEEDING_CONFIG });
  try {
    if ((await runtime.store.tables.accounts.count()) > 0) return false;
    const ctx = { services: runtime.services, ids: new Map<string, string>() };
    for (const event of timeline) {
      clock.moveTo(event.at);
      try {
        await event.run(ctx);
      } catch (error) {
        throw new Error(`Loading the demo failed at "${event.what}" (${(error as Error).message}). Delete ${dataDir} and try again.`, { cause: error });
      }
    }
    clock.moveTo(now);
    // Challenges whose deadline passed in the replay are stored as closed, as the server's upkeep would.
    await runtime.services.challenges.closeExpired();
    return true;
  } finally {
    await runtime.close();
  }
}
