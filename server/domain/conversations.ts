import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';
import { removeDaysBefore } from './prune-by-day.js';

/** A form nobody answered for a day is over: the bot lets it go after as long (FORM_PATIENCE_MS in bot/create-bot.ts). */
export const CONVERSATION_TTL_MS = 24 * 60 * 60_000;

/** Whose unfinished forms: a chat and the person in it. */
export interface ConversationKey {
  chatId: number;
  userId: number;
}

const idOf = (key: ConversationKey) => `${key.chatId}:${key.userId}`;

/**
 * The state of people's unfinished bot forms, kept in the store so that a restart, or another instance
 * behind the same database, carries on at the same step. The state is opaque here: the bot serializes it
 * and names the version of its forms that wrote it.
 */
export function createConversationService({ store, clock }: { store: Store; clock: Clock }) {
  const now = () => clock.now();

  return {
    /**
     * The state saved for `key` by forms of `version`; `'outdated'` when what is saved was written by another
     * version — it is removed, as no version of the bot will read it again; null when nothing is saved or it
     * was last written more than CONVERSATION_TTL_MS ago.
     */
    async resume(key: ConversationKey, version: string): Promise<{ state: string } | 'outdated' | null> {
      const id = idOf(key);
      const row = await store.tables.conversations.get(id);
      if (!row || now().getTime() - Date.parse(row.updatedAt) >= CONVERSATION_TTL_MS) return null;
      if (row.version === version) return { state: row.state };
      // Checked again inside: another instance may have saved a current state since.
      await store.transact(async (tx) => {
        const current = await tx.conversations.get(id);
        if (current && current.version !== version) await tx.conversations.remove(id);
      });
      return 'outdated';
    },

    /** Saves `state`, written by forms of `version`, for `key`, replacing what was there. */
    async save(key: ConversationKey, version: string, state: string): Promise<void> {
      const row = { id: idOf(key), version, state, updatedAt: now().toISOString() };
      await store.transact(async (tx) => {
        if (await tx.conversations.get(row.id)) await tx.conversations.update(row.id, row);
        else await tx.conversations.insert(row);
      });
    },

    /** Forgets the state of `key`: its forms are all over. */
    async remove(key: ConversationKey): Promise<void> {
      await store.transact((tx) => tx.conversations.remove(idOf(key)));
    },

    /** Removes states no form will resume (older than CONVERSATION_TTL_MS); returns how many. */
    prune(): Promise<number> {
      return removeDaysBefore(store, 'conversations', new Date(now().getTime() - CONVERSATION_TTL_MS));
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
