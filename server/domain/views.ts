import type { Account, PublicProfile } from '../../shared/schemas/account.js';
import type { Bid } from '../../shared/schemas/bid.js';
import type { Challenge } from '../../shared/schemas/challenge.js';
import type { Question } from '../../shared/schemas/question.js';
import { LIVE_BID_STATUSES } from '../../shared/schemas/bid.js';
import type { Readers } from '../store/store.js';
import type { AccountRow, BidRow, ChallengeRow, QuestionRow } from '../store/rows.js';
import { withCurrentStatus } from './challenge-lifecycle.js';
import type { Actor } from './permissions.js';

/**
 * Rows → API shapes. The only place private fields are dropped (password hashes, askers) and joined ones
 * added (owner profiles, the caller's own relation to a challenge, the current status).
 */

export function toAccount(row: Readonly<AccountRow>): Account {
  const { passwordHash: _hidden, ...account } = row;
  return account;
}

export function toProfile(row: Pick<AccountRow, 'id' | 'displayName' | 'organization'> | undefined, id: string): PublicProfile {
  return row ? { id: row.id, displayName: row.displayName, organization: row.organization } : { id, displayName: '(deleted account)', organization: '' };
}

export async function profileOf(tables: Readers, id: string): Promise<PublicProfile> {
  return toProfile(await tables.accounts.get(id), id);
}

export async function toChallenge(tables: Readers, row: Readonly<ChallengeRow>, actor: Actor, now: Date): Promise<Challenge> {
  // As it is now: a deadline that passed reads closed, closed at the deadline, before any write says so.
  const { cancelledAt: _c, reminderSentAt: _r, ...rest } = withCurrentStatus(row as ChallengeRow, now);
  const challenge: Challenge = { ...rest, owner: await profileOf(tables, row.ownerId) };
  if (actor) {
    const live = (await tables.bids.where('bidderId', actor.id)).find(
      (b) => b.challengeId === row.id && LIVE_BID_STATUSES.includes(b.status),
    );
    challenge.viewer = {
      isOwner: actor.id === row.ownerId,
      saved: (await tables.saves.get(saveId(actor.id, row.id))) !== undefined,
      bidId: live?.id ?? null,
    };
  }
  return challenge;
}

export async function toBid(tables: Readers, row: Readonly<BidRow>): Promise<Bid> {
  const challenge = await tables.challenges.get(row.challengeId);
  return { ...row, bidder: await profileOf(tables, row.bidderId), challengeTitle: challenge?.title ?? '' };
}

export function toQuestion(row: Readonly<QuestionRow>, actor: Actor): Question {
  const { askerId, ...question } = row;
  return actor ? { ...question, mine: actor.id === askerId } : question;
}

/** The id of a save: one per account and challenge. */
export const saveId = (accountId: string, challengeId: string) => `${accountId}:${challengeId}`;
