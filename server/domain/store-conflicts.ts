import type { Store } from '../store/store.js';
import { UniqueViolationError, type UniqueConstraint } from '../store-conflict-errors.js';
import { conflict } from './errors.js';

/**
 * What a person is told when a write loses a race to a concurrent one and breaks a uniqueness rule. The
 * services check these rules first and refuse with their own words; these answer the write that passed
 * that check at the same moment as another (two registrations with one email, a double-clicked bid).
 */
const CONFLICT_MESSAGES: Record<UniqueConstraint, string> = {
  accounts_email: 'An account with this email exists; sign in instead',
  accounts_telegram_user_id: 'This Telegram user already has an account',
  tokens_hash: 'A fresh secret happened to collide with an existing one; try again',
  codes_hash: 'A fresh code happened to collide with an existing one; ask for another',
  bids_one_live_per_bidder: 'You already have a live bid on this challenge; revise it instead (PATCH /api/bids/:id)',
  saves_one_per_account: 'This challenge is already saved',
  papers_owner_identity: 'This paper is already in your library',
};

/**
 * `store` as the services use it: a transaction that breaks a uniqueness rule rejects with a 409
 * DomainError (`conflict`, `details.constraint` naming the rule) instead of the store's error, so the API
 * and the bot answer it like any other refusal. Everything else passes through unchanged.
 */
export function withConflictRefusals(store: Store): Store {
  return {
    tables: store.tables,
    transact: (fn) =>
      store.transact(fn).catch((error: unknown) => {
        if (error instanceof UniqueViolationError) throw conflict(CONFLICT_MESSAGES[error.constraint], { constraint: error.constraint });
        throw error;
      }),
    onCommit: (listener) => store.onCommit(listener),
    health: () => store.health(),
    close: () => store.close(),
  };
}
