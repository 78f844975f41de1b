import type { Clock } from './clock.js';
import { createApp, type AppConfig } from './app.js';
import { createServices, type Services } from './domain/services.js';
import { openLowdbStore } from './store/lowdb-store.js';
import type { Store } from './store/store.js';

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
  // Interim linear search until server/search lands; replaced by the BM25 index and the subscription index.
  const search = {
    search: (q: string) => {
      const words = q.toLowerCase().split(/\s+/).filter(Boolean);
      return rowsCache.filter((r) => words.every((w) => `${r.title} ${r.summary} ${r.description}`.toLowerCase().includes(w))).map((r) => ({ id: r.id, score: 1 }));
    },
  };
  let rowsCache = await store.tables.challenges.all();
  store.onCommit(() => void store.tables.challenges.all().then((rows) => (rowsCache = rows)));
  const services = createServices({ store, clock, search, subscribers: { match: () => [] } });
  const app = createApp({ services, clock, config });
  return { store, services, app, close: () => store.close() };
}
