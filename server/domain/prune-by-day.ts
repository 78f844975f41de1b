import type { Store } from '../store/store.js';

/** How far back a prune looks: rows this much older than the cut that earlier prunes missed (the server was down that long) stay. */
const LOOKBACK_DAYS = 60;
/** Rows removed per transaction, so that a large prune holds no transaction for long. */
const BATCH = 200;
const DAY_MS = 24 * 60 * 60_000;

/** The tables kept for a while only, each with a `day` index (UTC `YYYY-MM-DD`). */
export type DatedTable = 'conversations' | 'telegram_updates';

/**
 * Removes the rows of `table` whose day ends before `cut`, i.e. every row of a day before `cut`'s day, so
 * nothing newer than `cut` goes (a row of `cut`'s own day waits for the next prune). Looks days up through
 * the index, never scanning the table. Returns how many rows it removed; safe to run on several instances
 * at once (a row another removed meanwhile is skipped).
 */
export async function removeDaysBefore(store: Store, table: DatedTable, cut: Date): Promise<number> {
  const firstKept = Date.UTC(cut.getUTCFullYear(), cut.getUTCMonth(), cut.getUTCDate());
  let removed = 0;
  for (let back = 1; back <= LOOKBACK_DAYS; back++) {
    const day = new Date(firstKept - back * DAY_MS).toISOString().slice(0, 10);
    const ids = (await store.tables[table].where('day', day)).map((row) => row.id);
    for (let at = 0; at < ids.length; at += BATCH) {
      const batch = ids.slice(at, at + BATCH);
      removed += await store.transact(async (tx) => {
        let n = 0;
        for (const id of batch) if (await tx[table].remove(id)) n++;
        return n;
      });
    }
  }
  return removed;
}
