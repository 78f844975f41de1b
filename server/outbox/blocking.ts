import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';
import { isWaiting } from './delivery-state.js';

/** The `lastError` of a Telegram delivery skipped because the user blocked the bot. */
export const BLOCKED_ERROR = 'blocked';

/**
 * Record that the account's Telegram user blocked (`blocked: true`) or unblocked the bot — the bot calls
 * this on `my_chat_member` updates, the dispatcher on a 403. Blocking also marks every Telegram delivery of
 * the account that is still waiting `skipped` with lastError 'blocked', so none is attempted; unblocking
 * only lets notifications made from then on be delivered (skipped ones are old news and stay skipped).
 * Runs in its own transaction, or joins the caller's. Returns false, changing nothing, when the account
 * does not exist or has no Telegram link.
 */
export async function setTelegramBlocked(
  { store, clock }: { store: Store; clock: Clock },
  accountId: string,
  blocked: boolean,
): Promise<boolean> {
  return store.transact(async (tx) => {
    const account = await tx.accounts.get(accountId);
    if (!account?.telegram) return false;
    if (account.telegram.blocked !== blocked) {
      await tx.accounts.update(accountId, { telegram: { ...account.telegram, blocked }, updatedAt: clock.now().toISOString() });
    }
    if (!blocked) return true;
    for (const n of await tx.notifications.where('accountId', accountId)) {
      const d = n.deliveries.telegram;
      if (!isWaiting(d)) continue;
      await tx.notifications.update(n.id, (row) => ({
        ...row,
        deliveries: { ...row.deliveries, telegram: { ...d, state: 'skipped', nextAttemptAt: null, lastError: BLOCKED_ERROR } },
      }));
    }
    return true;
  });
}
