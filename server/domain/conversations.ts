import type { Clock } from '../clock.js';
import type { ConversationRow } from '../store/rows.js';
import type { Store } from '../store/store.js';
import { conflict } from './errors.js';
import { removeDaysBefore } from './prune-by-day.js';

/** A form nobody answered for a day is over: the bot lets it go after as long (FORM_PATIENCE_MS in bot/create-bot.ts). */
export const CONVERSATION_TTL_MS = 24 * 60 * 60_000;

/** Whose unfinished forms: a chat and the person in it. */
export interface ConversationKey {
  chatId: number;
  userId: number;
}

/** A saved state, and the revision to name when replacing or removing it. */
export interface SavedConversation {
  state: string;
  revision: number;
}

const idOf = (key: ConversationKey) => `${key.chatId}:${key.userId}`;

/**
 * The state of people's unfinished bot forms, kept in the store so that a restart, or another instance
 * behind the same database, carries on at the same step. The state is opaque here: the bot serializes it
 * and names the version of its forms that wrote it.
 *
 * Every write names the revision it read (null: nothing), and is refused with a `conflict` when another
 * write came in between — two answers of one person handled at once by two instances — so one of them
 * fails visibly instead of silently undoing the other.
 */
export function createConversationService({ store, clock }: { store: Store; clock: Clock }) {
  const now = () => clock.now();
  const live = (row: Readonly<ConversationRow> | undefined): row is Readonly<ConversationRow> =>
    row !== undefined && now().getTime() - Date.parse(row.updatedAt) < CONVERSATION_TTL_MS;
  const crossed = () => conflict('Another answer to this form was taken meanwhile');

  return {
    /**
     * The state saved for `key` by forms of `version`; `'outdated'` when what is saved was written by another
     * version — it is removed, as no version of the bot will read it again; null when nothing is saved or it
     * was last written more than CONVERSATION_TTL_MS ago.
     */
    async resume(key: ConversationKey, version: string): Promise<SavedConversation | 'outdated' | null> {
      const id = idOf(key);
      const row = await store.tables.conversations.get(id);
      if (!live(row)) return null;
      if (row.version === version) return { state: row.state, revision: row.revision };
      // Checked again inside: another instance may have saved a current state since.
      await store.transact(async (tx) => {
        const current = await tx.conversations.get(id);
        if (current && current.version !== version) await tx.conversations.remove(id);
      });
      return 'outdated';
    },

    /**
     * Saves `state`, written by forms of `version`, for `key` in place of revision `read` (null: nothing
     * was saved); returns the new revision. Refuses with a `conflict` if what is saved is no longer `read`.
     */
    async save(key: ConversationKey, version: string, state: string, read: number | null): Promise<number> {
      const id = idOf(key);
      return store.transact(async (tx) => {
        const current = await tx.conversations.get(id);
        if ((live(current) ? current.revision : null) !== read) throw crossed();
        const row = { id, version, state, revision: (current?.revision ?? 0) + 1, updatedAt: now().toISOString() };
        if (current) await tx.conversations.update(id, row);
        else await tx.conversations.insert(row);
        return row.revision;
      });
    },

    /** Forgets the state of `key` (its forms are all over), if it is still revision `read`; else a `conflict`. */
    async remove(key: ConversationKey, read: number | null): Promise<void> {
      const id = idOf(key);
      await store.transact(async (tx) => {
        const current = await tx.conversations.get(id);
        if ((live(current) ? current.revision : null) !== read) throw crossed();
        if (current) await tx.conversations.remove(id);
      });
    },

    /** Removes states no form will resume (older than CONVERSATION_TTL_MS); returns how many. */
    prune(): Promise<number> {
      return removeDaysBefore(store, 'conversations', new Date(now().getTime() - CONVERSATION_TTL_MS));
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
