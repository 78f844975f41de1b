import type { ChallengeFit, PairReason, Solution } from '../../shared/schemas/catalogue-match.js';
import type { Page, PageQuery } from '../../shared/schemas/common.js';
import type { Clock } from '../clock.js';
import type { AchievementIndex } from '../search/achievement-index.js';
import type { ChallengeHit, ChallengeIndex } from '../search/challenge-index.js';
import type { SubscriptionMatcher } from '../search/subscription-index.js';
import type { AchievementRow, ChallengeRow } from '../store/rows.js';
import type { Store, Writers } from '../store/store.js';
import { toAchievements } from './achievement-views.js';
import { notifyCatalogue } from './catalogue-notifications.js';
import { currentStatus } from './challenge-lifecycle.js';
import { paginate } from './pagination.js';
import { assertOwnAchievement, assertOwnChallenge, assertViewAchievement, assertViewChallenge, requireAccount, type Actor } from './permissions.js';
import { toChallenges } from './views.js';

/** The most pairs shown for one side; further ones would be noise. */
const MAX_PAIRS = 50;
/**
 * A pair counts only when the found side holds at least this share (idf-weighted) of the searching side's
 * terms: one stray shared word between a battery challenge and a membrane achievement is no match.
 */
export const MIN_PAIR_COVERAGE = 0.12;

type Text = Pick<ChallengeRow, 'title' | 'keywords' | 'summary'>;

/** What one side searches the other with: its title, its own keywords and its summary. */
const queryOf = (side: Readonly<Text>) => [side.title, ...side.keywords, side.summary].join('\n');

const reasonOf = (hit: ChallengeHit, mine: readonly string[], theirs: readonly string[]): PairReason => ({
  matchedTerms: hit.matchedTerms,
  translations: hit.translations.map((t) => ({ term: t.term, translation: t.translation, origin: t.origin })),
  sharedFields: mine.filter((f) => theirs.includes(f)),
});

export interface CatalogueMatchingDeps {
  store: Store;
  clock: Clock;
  index: Pick<ChallengeIndex, 'search' | 'get'>;
  achievementIndex: Pick<AchievementIndex, 'search' | 'get'>;
  subscribers: Pick<SubscriptionMatcher, 'match'>;
}

/**
 * Two-sided matching (supply ↔ demand) with the challenge search's analyzer and cross-language expansion:
 * listed achievements that may answer a challenge, open challenges an achievement may answer, each with the
 * words and translations that met; and the alerts owed when either side appears.
 */
export function createCatalogueMatching({ store, clock, index, achievementIndex, subscribers }: CatalogueMatchingDeps) {
  /** Listed achievements (not the challenge owner's own) that may answer `challenge`, best first. */
  const solutionHits = (challenge: Readonly<ChallengeRow>) =>
    achievementIndex
      .search(queryOf(challenge), { filter: (a) => a.status === 'listed' && a.ownerId !== challenge.ownerId, limit: MAX_PAIRS })
      .filter((hit) => hit.coverage >= MIN_PAIR_COVERAGE);

  return {
    /** For a challenge's owner: listed achievements that may answer it, with why. */
    async solutions(actor: Actor, challengeId: string, page: PageQuery): Promise<Page<Solution>> {
      requireAccount(actor);
      const challenge = assertViewChallenge(actor, await store.tables.challenges.get(challengeId), challengeId);
      assertOwnChallenge(actor, challenge);
      const slice = paginate(solutionHits(challenge), page);
      const rows = slice.items.map((hit) => achievementIndex.get(hit.id)!);
      const views = await toAchievements(store.tables, rows);
      return {
        items: slice.items.map((hit, i) => ({ achievement: views[i]!, score: hit.score, reason: reasonOf(hit, challenge.fields, rows[i]!.fields) })),
        nextCursor: slice.nextCursor,
      };
    },

    /** For an achievement's owner: open challenges (not their own) it may answer, with why. */
    async challengesFor(actor: Actor, achievementId: string, page: PageQuery): Promise<Page<ChallengeFit>> {
      requireAccount(actor);
      const achievement = assertViewAchievement(actor, await store.tables.achievements.get(achievementId), achievementId);
      assertOwnAchievement(actor, achievement);
      const at = clock.now();
      const hits = index
        .search(queryOf(achievement), { filter: (c) => c.ownerId !== achievement.ownerId && currentStatus(c, at) === 'open', limit: MAX_PAIRS })
        .filter((hit) => hit.coverage >= MIN_PAIR_COVERAGE);
      const slice = paginate(hits, page);
      const rows = slice.items.map((hit) => index.get(hit.id)!);
      const views = await toChallenges(store, rows, actor, at);
      return {
        items: slice.items.map((hit, i) => ({ challenge: views[i]!, score: hit.score, reason: reasonOf(hit, achievement.fields, rows[i]!.fields) })),
        nextCursor: slice.nextCursor,
      };
    },

    /**
     * Inside a challenge's publish transaction: one `solution-match` alert per owner of matching listed
     * achievements (about their best one). A challenge is published once, so each owner hears of it once.
     */
    async alertSolutionOwners(tx: Writers, challenge: Readonly<ChallengeRow>): Promise<void> {
      const alerted = new Set<string>();
      for (const hit of solutionHits(challenge)) {
        const achievement = achievementIndex.get(hit.id)!;
        if (alerted.has(achievement.ownerId)) continue;
        alerted.add(achievement.ownerId);
        await notifyCatalogue(tx, clock, { accountId: achievement.ownerId, kind: 'solution-match', achievement, challenge });
      }
    },

    /**
     * Inside an achievement's listing transaction: one `achievement-match` alert per account whose active
     * subscriptions targeting achievements (or both) match it, found through the subscription index with the
     * achievement's text (a minimum reward does not apply to achievements).
     */
    async alertAchievementSubscribers(tx: Writers, achievement: Readonly<AchievementRow>): Promise<void> {
      const standIn = { ...achievement, reward: { amount: Number.MAX_VALUE, currency: '' } } as unknown as ChallengeRow;
      for (const match of subscribers.match(standIn)) {
        if (match.accountId === achievement.ownerId) continue;
        const subs = await tx.subscriptions.getMany(match.subscriptionIds);
        const wants = [...subs.values()].some((s) => s.active && (s.target ?? 'challenges') !== 'challenges');
        if (wants) await notifyCatalogue(tx, clock, { accountId: match.accountId, kind: 'achievement-match', achievement });
      }
    },
  };
}
