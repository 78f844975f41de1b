import type { ChallengeRow } from '../store/rows.js';
import type { Store } from '../store/store.js';
import { currentStatus } from './challenge-lifecycle.js';
import { deadlineTime } from './deadline-time.js';

/** Distinct searches kept; past this the least recently used goes. */
const MAX_ENTRIES = 500;

type Row = Readonly<ChallengeRow>;

interface Entry {
  rows: readonly Row[];
  /** The time (epoch ms) it was computed at, and the first time at which a row's status differs from then. */
  from: number;
  until: number;
}

/**
 * The moment time alone changes what `row` reads as: an open challenge reads closed once its deadline
 * passes (challenge-lifecycle.ts currentStatus); every other status stays as it is until a write.
 */
function statusChangesAt(row: Row, at: Date): number {
  return currentStatus(row, at) === 'open' ? deadlineTime(row) : Infinity;
}

/**
 * The ranked rows of a public search (one without `owner=me`), shared by every caller who asks it. Signed-in
 * answers cannot share the response (each carries the caller's own relation, added per page item by
 * views.ts), but which challenges match and in what order is the same for all of them, and ranking them is
 * most of a search's cost. A result is kept while it is exactly what a new search would return: until a
 * commit touches the challenges table (their text, status, counters or ranking statistics) and until the
 * first deadline among the rows its filter looked at passes, the only change time makes on its own. The
 * search index follows the same commits (services.ts), and the search is synchronous, so no commit can
 * fall between computing a result and keeping it.
 */
export function createSharedSearch(store: Pick<Store, 'onCommit'>) {
  const entries = new Map<string, Entry>();
  store.onCommit((changes) => {
    if (changes.some((change) => change.table === 'challenges')) entries.clear();
  });

  return {
    /**
     * The rows `search` returns for `key` at `at`: kept from an earlier call while still exact, or computed
     * now. `key` must name everything the search depends on except the time and the stored challenges;
     * `search` must filter its candidates with the filter it is given, which applies `matches`.
     */
    rows(key: string, at: Date, matches: (row: Row) => boolean, search: (filter: (row: Row) => boolean) => readonly Row[]): readonly Row[] {
      const ms = at.getTime();
      const found = entries.get(key);
      if (found && found.from <= ms && ms < found.until) {
        entries.delete(key);
        entries.set(key, found);
        return found.rows;
      }
      let until = Infinity;
      const rows = search((row) => {
        until = Math.min(until, statusChangesAt(row, at));
        return matches(row);
      });
      entries.delete(key);
      entries.set(key, { rows, from: ms, until });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return rows;
    },
  };
}
