import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';
import { removeDaysBefore } from './prune-by-day.js';

/** Telegram gives up redelivering an update after a day; a taken update is remembered at least that long. */
export const TELEGRAM_UPDATE_TTL_MS = 24 * 60 * 60_000;

/**
 * The Telegram updates taken for handling, so that an update delivered twice — redelivered by Telegram, or
 * sent to two instances — is handled once.
 */
export function createTelegramUpdateService({ store, clock }: { store: Store; clock: Clock }) {
  return {
    /**
     * True for the first claim of update `updateId` of bot `botId`; false for every later one, made by any
     * instance on this store within TELEGRAM_UPDATE_TTL_MS. The check and the record are one transaction,
     * which the store serializes (lowdb) or runs SERIALIZABLE with a retry on conflict (PostgreSQL, where
     * the row's primary key also refuses a second one), so two concurrent claims cannot both win.
     */
    async claim(botId: number, updateId: number): Promise<boolean> {
      const id = `${botId}:${updateId}`;
      return store.transact(async (tx) => {
        if (await tx.telegram_updates.get(id)) return false;
        await tx.telegram_updates.insert({ id, receivedAt: clock.now().toISOString() });
        return true;
      });
    },

    /** Forgets updates taken more than TELEGRAM_UPDATE_TTL_MS ago; returns how many. */
    prune(): Promise<number> {
      return removeDaysBefore(store, 'telegram_updates', new Date(clock.now().getTime() - TELEGRAM_UPDATE_TTL_MS));
    },
  };
}

export type TelegramUpdateService = ReturnType<typeof createTelegramUpdateService>;
