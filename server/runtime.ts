import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from './clock.js';
import { createApp, type AppConfig } from './app.js';
import { createServices, type Services } from './domain/services.js';
import { attachAchievementIndex } from './search/achievement-index.js';
import { attachChallengeIndex } from './search/challenge-index.js';
import { attachSubscriptionIndex, createSubscriptionIndex } from './search/subscription-index.js';
import type { HitLog } from './jobs/coordination.js';
import type { Store } from './store/store.js';

/** The search index's saved analysis under the data directory: a cache, rebuilt when missing or damaged. */
export const SEARCH_INDEX_FILE = 'search-index.bin';

export interface RuntimeOptions {
  /** The store the runtime serves from; it is the runtime's from now on, closed by `close()`. */
  store: Store;
  clock: Clock;
  config: AppConfig;
  /**
   * Where the search index's analysed state is cached between starts (SEARCH_INDEX_FILE); without it every
   * start analyses every challenge. Local to the instance even when the store is shared.
   */
  dataDir?: string;
  /** Where the auth rate limit counts hits; in this process by default. Instances on one database share one. */
  authHits?: HitLog;
}

export interface Runtime {
  store: Store;
  services: Services;
  app: ReturnType<typeof createApp>;
  /** Stops following the store, then closes it (for lowdb, releasing the data directory). */
  close(): Promise<void>;
}

/**
 * Everything but the network listener and the background jobs: the search indexes kept current from
 * `store`, the domain services and the HTTP app. The process (main.ts), the demo loader and the tests build
 * the product the same way through this, each opening the store it needs (store/open-store.ts). If it
 * fails, the store is closed.
 */
export async function createRuntime({ store, clock, config, dataDir, authHits }: RuntimeOptions): Promise<Runtime> {
  try {
    // The analysed search index is kept in the data directory, so a start need not analyse it all again.
    if (dataDir) await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const snapshot = dataDir ? { path: join(dataDir, SEARCH_INDEX_FILE) } : undefined;
    const { index, detach: detachChallenges } = await attachChallengeIndex(store, snapshot);
    const { index: subscribers, detach: detachSubscriptions } = await attachSubscriptionIndex(
      store,
      createSubscriptionIndex({ termFrequency: (key) => index.documentFrequency(key) }),
    );
    const { index: achievementIndex, detach: detachAchievements } = await attachAchievementIndex(store);
    const services = createServices({ store, clock, index, subscribers, achievementIndex });
    const app = createApp({ services, clock, config, authHits });
    const close = async () => {
      await detachChallenges();
      detachSubscriptions();
      detachAchievements();
      await store.close();
    };
    return { store, services, app, close };
  } catch (error) {
    await store.close();
    throw error;
  }
}
