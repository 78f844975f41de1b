import type { Clock } from '../clock.js';
import type { ChallengeRow } from '../store/rows.js';
import type { Store } from '../store/store.js';
import { isAcceptingBids } from './challenge-lifecycle.js';
import { followersOf, notify } from './notifications.js';

/** How long before a deadline the reminder goes out. */
export const REMINDER_LEAD_MS = 24 * 60 * 60_000;

/**
 * Send the deadline reminder of every open challenge whose deadline is less than 24 hours away and that has
 * not had one: one `deadline` notification to each researcher who saved it or holds a live bid on it.
 * Safe to run as often as wanted, on as many instances at once as wanted: a challenge's reminder is claimed
 * by a locking read-modify-write of its row (`update` with a function: a row lock under PostgreSQL, the
 * one writer under lowdb) in the transaction that writes its notifications, so of two concurrent runs only
 * one finds it unclaimed and notifies, once per follower. Returns how many notifications it made.
 */
export async function sendDeadlineReminders({ store, clock }: { store: Store; clock: Clock }): Promise<number> {
  const now = clock.now();
  const isDue = (c: Readonly<ChallengeRow>) => !c.reminderSentAt && isAcceptingBids(c, now) && Date.parse(c.deadline) - now.getTime() <= REMINDER_LEAD_MS;
  const due = (await store.tables.challenges.where('status', 'open')).filter(isDue);
  if (due.length === 0) return 0;
  return store.transact(async (tx) => {
    let sent = 0;
    for (const candidate of due) {
      if (!(await tx.challenges.get(candidate.id))) continue;
      let claimed = false;
      const challenge = await tx.challenges.update(candidate.id, (row) => {
        if (!isDue(row)) return row;
        claimed = true;
        return { ...row, reminderSentAt: now.toISOString() };
      });
      if (!claimed) continue;
      for (const accountId of await followersOf(tx, challenge)) {
        await notify(tx, clock, { accountId, kind: 'deadline', challenge });
        sent++;
      }
    }
    return sent;
  });
}
