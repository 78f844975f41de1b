import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';
import { createAccountService } from './accounts.js';
import { createAwardService } from './awards.js';
import { createBidService } from './bids.js';
import { createChallengeService, type ChallengeSearch, type SubscriberMatcher } from './challenges.js';
import { createLibraryService } from './library.js';
import { createNotificationService } from './notifications.js';
import { createQuestionService } from './questions.js';
import { createSubscriptionService } from './subscriptions.js';

export interface ServiceDeps {
  store: Store;
  clock: Clock;
  search: ChallengeSearch;
  subscribers: SubscriberMatcher;
}

/**
 * Every domain service over one store and clock: what the HTTP API and the bot both call. Permissions and
 * lifecycle rules are enforced inside, so no channel can skip them.
 */
export function createServices(deps: ServiceDeps) {
  return {
    store: deps.store,
    clock: deps.clock,
    accounts: createAccountService(deps),
    challenges: createChallengeService(deps),
    bids: createBidService(deps),
    questions: createQuestionService(deps),
    awards: createAwardService(deps),
    library: createLibraryService(deps),
    subscriptions: createSubscriptionService(deps),
    notifications: createNotificationService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
