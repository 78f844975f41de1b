import type { AchievementRow, ChallengeRow } from '../store/rows.js';
import type { Store } from '../store/store.js';
import { createChallengeIndex, type ChallengeHit, type ChallengeIndexOptions } from './challenge-index.js';
import { followTable } from './follow-table.js';

/** One ranked achievement, with the query's words it contains and those it contains in translation. */
export type AchievementHit = ChallengeHit;

/** The catalogue's full-text index: what `GET /api/achievements?q=` and the two-sided matching search. */
export interface AchievementIndex {
  upsert(row: Readonly<AchievementRow>): void;
  remove(id: string): void;
  get(id: string): Readonly<AchievementRow> | undefined;
  /** Achievements containing the query's terms (in either language), best first, among those `filter` keeps. */
  search(query: string, options?: { filter?: (row: Readonly<AchievementRow>) => boolean; limit?: number; maxTerms?: number }): AchievementHit[];
}

/**
 * The same BM25F index, analyzer and cross-language expansion as challenges (challenge-index.ts), over the
 * same four text fields (title, keywords, summary, description), so a query or a challenge finds an
 * achievement exactly as it would find a challenge with that text. The challenge index reads only those
 * fields, the id and `fields` of what it holds, so it holds a text-only stand-in of each achievement.
 */
export function createAchievementIndex(options: ChallengeIndexOptions = {}): AchievementIndex {
  const text = createChallengeIndex(undefined, options);
  const rows = new Map<string, Readonly<AchievementRow>>();
  const standIn = (row: Readonly<AchievementRow>) =>
    ({ id: row.id, title: row.title, keywords: row.keywords, summary: row.summary, description: row.description, fields: row.fields }) as unknown as ChallengeRow;
  return {
    upsert(row) {
      rows.set(row.id, row);
      text.upsert(standIn(row));
    },
    remove(id) {
      rows.delete(id);
      text.remove(id);
    },
    get: (id) => rows.get(id),
    search(query, { filter, limit, maxTerms } = {}) {
      return text.search(query, {
        ...(filter ? { filter: (standInRow) => filter(rows.get(standInRow.id)!) } : {}),
        ...(limit === undefined ? {} : { limit }),
        ...(maxTerms === undefined ? {} : { maxTerms }),
      });
    },
  };
}

/** An achievement index kept current from the store's commits (every instance sees every commit). */
export async function attachAchievementIndex(store: Store): Promise<{ index: AchievementIndex; detach: () => void }> {
  const index = createAchievementIndex();
  const detach = await followTable(store, 'achievements', index);
  return { index, detach };
}
