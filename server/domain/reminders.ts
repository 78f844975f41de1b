import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';
import { isAcceptingBids } from './challenge-lifecycle.js';
import { followersOf, notify } from './notifications.js';

/** How long before a deadline the reminder goes out. */
export const REMINDER_LEAD_MS = 24 * 60 * 60_000;

/**
 * Send the deadline reminder of every open challenge whose deadline is less than 24 hours away and that has
 * not had one: one `deadline` notification to each researcher who saved it or holds a live bid on it.
 * Safe to run as often as wanted; returns how many notifications it made.
 */
export async function sendDeadlineReminders({ store, clock }: { store: Store; clock: Clock }): Promise<number> {
  const now = clock.now();
  const due = (await store.tables.challenges.where('status', 'open')).filter(
    (c) => !c.reminderSentAt && isAcceptingBids(c, now) && Date.parse(c.deadline) - now.getTime() <= REMINDER_LEAD_MS,
  );
  if (due.length === 0) return 0;
  return store.transact(async (tx) => {
    let sent = 0;
    for (const candidate of due) {
      const challenge = await tx.challenges.get(candidate.id);
      if (!challenge || challenge.reminderSentAt || !isAcceptingBids(challenge, now)) continue;
      for (const accountId of await followersOf(tx, challenge)) {
        await notify(tx, clock, { accountId, kind: 'deadline', challenge });
        sent++;
      }
      await tx.challenges.update(challenge.id, { reminderSentAt: now.toISOString() });
    }
    return sent;
  });
}
