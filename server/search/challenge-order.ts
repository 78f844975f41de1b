import type { ChallengeRow } from '../store/rows.js';
import type { TableFollower } from './follow-table.js';

/** The orders a challenge list can be read in without a query. */
export type ChallengeOrderName = 'newest' | 'deadline' | 'reward';

type Compare = (a: Readonly<ChallengeRow>, b: Readonly<ChallengeRow>) => number;

/** The sort each list uses; ties broken by id so the order is total and pages are stable. */
export const CHALLENGE_ORDERS: Record<ChallengeOrderName, Compare> = {
  newest: (a, b) => (b.publishedAt ?? b.createdAt).localeCompare(a.publishedAt ?? a.createdAt) || a.id.localeCompare(b.id),
  deadline: (a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id),
  reward: (a, b) => b.reward.amount - a.reward.amount || a.id.localeCompare(b.id),
};

/** Published challenges (drafts are never listed publicly) kept sorted in each of {@link CHALLENGE_ORDERS}. */
export interface ChallengeOrders extends TableFollower<'challenges'> {
  /**
   * Every published challenge in `order`, first to last. A list reads from the front and stops once its
   * page is full, so a page costs about its depth, not the size of the table.
   */
  inOrder(order: ChallengeOrderName): Iterable<Readonly<ChallengeRow>>;
}

/** The first index of `sorted` whose row does not come before `row`. */
function lowerBound(sorted: readonly Readonly<ChallengeRow>[], row: Readonly<ChallengeRow>, compare: Compare): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(sorted[middle]!, row) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Sorted arrays of the published challenges, one per order, each built on first use and then kept sorted
 * by binary-search insertion as commits arrive (a commit changes a handful of rows; sorting again would cost
 * the whole table). Follow the store with `followTable(store, 'challenges', orders)`.
 */
export function createChallengeOrders(): ChallengeOrders {
  const published = new Map<string, Readonly<ChallengeRow>>();
  const sorted = new Map<ChallengeOrderName, Readonly<ChallengeRow>[]>();

  const unlist = (row: Readonly<ChallengeRow>) => {
    for (const [order, rows] of sorted) {
      const at = lowerBound(rows, row, CHALLENGE_ORDERS[order]);
      if (rows[at]?.id === row.id) rows.splice(at, 1);
    }
    published.delete(row.id);
  };

  return {
    upsert(row) {
      const previous = published.get(row.id);
      if (previous) unlist(previous);
      if (row.status === 'draft') return;
      published.set(row.id, row);
      for (const [order, rows] of sorted) rows.splice(lowerBound(rows, row, CHALLENGE_ORDERS[order]), 0, row);
    },

    remove(id) {
      const previous = published.get(id);
      if (previous) unlist(previous);
    },

    inOrder(order) {
      let rows = sorted.get(order);
      if (!rows) {
        rows = [...published.values()].sort(CHALLENGE_ORDERS[order]);
        sorted.set(order, rows);
      }
      // A copy-free walk; callers read it synchronously, before any commit can change the array.
      return rows;
    },
  };
}
