import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';
import { createAccountService } from './accounts.js';
import { createAchievementService } from './achievements.js';
import { createAchievementIndex, type AchievementIndex } from '../search/achievement-index.js';
import { createCatalogueMatching } from './catalogue-matching.js';
import { createDealService } from './deals.js';
import { createEnquiryService } from './enquiries.js';
import { createAwardService } from './awards.js';
import { createBidService } from './bids.js';
import type { ChallengeIndex } from '../search/challenge-index.js';
import type { SubscriptionMatcher } from '../search/subscription-index.js';
import { createChallengeService } from './challenges.js';
import { createConversationService } from './conversations.js';
import { createPhaseService } from './evaluation/phases.js';
import { createReviewService } from './evaluation/reviewers.js';
import { createScoreService } from './evaluation/scores.js';
import { createLibraryService } from './library.js';
import { createMatchService } from './matches.js';
import { createNotificationService } from './notifications.js';
import { createQuestionService } from './questions.js';
import { createStorageStatus } from './storage-status.js';
import { withConflictRefusals } from './store-conflicts.js';
import { createSubscriptionService } from './subscriptions.js';
import { createTelegramUpdateService } from './telegram-updates.js';

export interface ServiceDeps {
  store: Store;
  clock: Clock;
  /** The challenge search index, kept current from the store. */
  index: ChallengeIndex;
  /** The subscription index for the publish fan-out, kept current from the store. */
  subscribers: SubscriptionMatcher;
  /**
   * The achievements catalogue's search index, kept current from the store (runtime.ts attaches one).
   * Without it the catalogue searches an empty index: for tools and benches that never touch it.
   */
  achievementIndex?: AchievementIndex;
}

/**
 * Every domain service over one store and clock: what the HTTP API and the bot both call. Permissions and
 * lifecycle rules are enforced inside, so no channel can skip them. The store itself is not among them:
 * every write goes through a service.
 */
export function createServices(given: ServiceDeps) {
  // A write that loses a uniqueness race is refused like any other conflict (store-conflicts.ts).
  const deps = { ...given, store: withConflictRefusals(given.store), achievementIndex: given.achievementIndex ?? createAchievementIndex() };
  const catalogueMatching = createCatalogueMatching(deps);
  return {
    clock: deps.clock,
    storage: createStorageStatus(deps),
    accounts: createAccountService(deps),
    challenges: createChallengeService({ ...deps, onPublished: catalogueMatching.alertSolutionOwners }),
    bids: createBidService(deps),
    questions: createQuestionService(deps),
    awards: createAwardService(deps),
    reviews: createReviewService(deps),
    scores: createScoreService(deps),
    phases: createPhaseService(deps),
    library: createLibraryService(deps),
    subscriptions: createSubscriptionService(deps),
    notifications: createNotificationService(deps),
    matches: createMatchService(deps),
    conversations: createConversationService(deps),
    telegramUpdates: createTelegramUpdateService(deps),
    achievements: createAchievementService({ ...deps, onListed: catalogueMatching.alertAchievementSubscribers }),
    enquiries: createEnquiryService(deps),
    deals: createDealService(deps),
    catalogueMatching,
  };
}

export type Services = ReturnType<typeof createServices>;
