import type { Page, PageQuery } from '../../shared/schemas/common.js';
import type { Match } from '../../shared/schemas/match.js';
import type { Clock } from '../clock.js';
import type { ChallengeIndex } from '../search/challenge-index.js';
import { rankMatches } from '../search/matching.js';
import type { Store } from '../store/store.js';
import { paginate } from './pagination.js';
import { requireAccount, type Actor } from './permissions.js';
import { toChallenges } from './views.js';

/** The most matches a researcher is shown; further ones would be noise. */
const MAX_MATCHES = 100;

/**
 * A researcher's matches: open challenges ranked from their fields, keywords, subscriptions and clipped
 * papers, each with the terms that matched and why (server/search/matching.ts does the ranking).
 */
export function createMatchService({ store, clock, index }: { store: Store; clock: Clock; index: ChallengeIndex }) {
  return {
    async list(actor: Actor, page: PageQuery): Promise<Page<Match>> {
      const account = requireAccount(actor);
      const now = clock.now();
      const [subscriptions, papers] = await Promise.all([
        store.tables.subscriptions.where('accountId', account.id),
        store.tables.papers.where('ownerId', account.id),
      ]);
      const ranked = rankMatches(index, { account, subscriptions, papers }, { now, limit: MAX_MATCHES });
      const slice = paginate(ranked, page);
      const rows = await store.tables.challenges.getMany(slice.items.map((match) => match.challengeId));
      const found = slice.items.flatMap((match) => {
        const row = rows.get(match.challengeId);
        return row ? [{ match, row }] : [];
      });
      const views = await toChallenges(store, found.map((f) => f.row), actor, now);
      const items: Match[] = found.map(({ match }, i) => ({ challenge: views[i]!, score: match.score, matchedTerms: match.matchedTerms, reasons: match.reasons }));
      return { items, nextCursor: slice.nextCursor };
    },
  };
}

