import { join } from 'node:path';
import type { Clock } from './clock.js';
import { createApp, type AppConfig } from './app.js';
import { createServices, type Services } from './domain/services.js';
import { attachChallengeIndex } from './search/challenge-index.js';
import { attachSubscriptionIndex, createSubscriptionIndex } from './search/subscription-index.js';
import { openLowdbStore } from './store/lowdb-store.js';
import type { Store } from './store/store.js';

/** The search index's saved analysis under the data directory: a cache, rebuilt when missing or damaged. */
export const SEARCH_INDEX_FILE = 'search-index.bin';

export interface RuntimeOptions {
  dataDir: string;
  clock: Clock;
  config: AppConfig;
}

export interface Runtime {
  store: Store;
  services: Services;
  app: ReturnType<typeof createApp>;
  /** Closes the store and releases the data directory. */
  close(): Promise<void>;
}

/**
 * Everything but the network listener and the background jobs: the store on `dataDir`, the search
 * indexes kept current from it, the domain services and the HTTP app. The process (main.ts) and the tests
 * build the product the same way through this.
 */
export async function createRuntime({ dataDir, clock, config }: RuntimeOptions): Promise<Runtime> {
  const store = await openLowdbStore({ dataDir });
  try {
    // The analysed search index is kept beside the data it derives from, so a start need not analyse it all again.
    const { index, detach: detachChallenges } = await attachChallengeIndex(store, { path: join(dataDir, SEARCH_INDEX_FILE) });
    const { index: subscribers, detach: detachSubscriptions } = await attachSubscriptionIndex(
      store,
      createSubscriptionIndex({ termFrequency: (key) => index.documentFrequency(key) }),
    );
    const services = createServices({ store, clock, index, subscribers });
    const app = createApp({ services, clock, config });
    const close = async () => {
      await detachChallenges();
      detachSubscriptions();
      await store.close();
    };
    return { store, services, app, close };
  } catch (error) {
    await store.close();
    throw error;
  }
}
