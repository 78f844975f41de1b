import type { Role } from '../../shared/schemas/account.js';
import type { AccountRow, AchievementRow, BidRow, ChallengeRow, EnquiryRow } from '../store/rows.js';
import { forbidden, notFound, unauthorized } from './errors.js';

/**
 * Who may see and do what. Every service asks here, so the HTTP API and the bot enforce the same rules.
 * Things a caller may not see answer 404 (their existence is not revealed); things a caller sees but may
 * not change answer 403.
 */
export type Actor = Readonly<AccountRow> | null;

/** The signed-in account, or a 401. */
export function requireAccount(actor: Actor): Readonly<AccountRow> {
  if (!actor) throw unauthorized();
  return actor;
}

/** The signed-in account holding `role`, or a 401/403. */
export function requireRole(actor: Actor, role: Role): Readonly<AccountRow> {
  const account = requireAccount(actor);
  if (!account.roles.includes(role)) {
    throw forbidden(
      role === 'enterprise'
        ? 'Only enterprise accounts post challenges; add the enterprise role in PATCH /api/me'
        : 'Only researcher accounts bid; add the researcher role in PATCH /api/me',
    );
  }
  return account;
}

export const isChallengeOwner = (actor: Actor, challenge: Pick<ChallengeRow, 'ownerId'>): boolean =>
  actor !== null && actor.id === challenge.ownerId;

/** Drafts are visible to their owner only; everything else is public. */
export function canViewChallenge(actor: Actor, challenge: Pick<ChallengeRow, 'ownerId' | 'status'>): boolean {
  return challenge.status !== 'draft' || isChallengeOwner(actor, challenge);
}

/** The challenge if the actor may see it, else a 404. */
export function assertViewChallenge<C extends Pick<ChallengeRow, 'id' | 'ownerId' | 'status'>>(actor: Actor, challenge: C | undefined, id: string): C {
  if (!challenge || !canViewChallenge(actor, challenge)) throw notFound('challenge', id);
  return challenge;
}

/** Only the owner changes a challenge or acts on its bids. */
export function assertOwnChallenge(actor: Actor, challenge: Pick<ChallengeRow, 'ownerId'>): Readonly<AccountRow> {
  const account = requireAccount(actor);
  if (account.id !== challenge.ownerId) throw forbidden('Only the enterprise that posted this challenge can do that');
  return account;
}

/** A bid is sealed: visible to its bidder and to the owner of its challenge, to nobody else. */
export function canViewBid(actor: Actor, bid: Pick<BidRow, 'bidderId'>, challenge: Pick<ChallengeRow, 'ownerId'>): boolean {
  return actor !== null && (actor.id === bid.bidderId || actor.id === challenge.ownerId);
}

/** Only the bidder revises or withdraws a bid. */
export function assertOwnBid(actor: Actor, bid: Pick<BidRow, 'bidderId'>): Readonly<AccountRow> {
  const account = requireAccount(actor);
  if (account.id !== bid.bidderId) throw forbidden('Only the researcher who submitted this bid can change it');
  return account;
}

/** Nobody bids on their own challenge. */
export function assertNotOwnChallenge(actor: Readonly<AccountRow>, challenge: Pick<ChallengeRow, 'ownerId'>, doing: string): void {
  if (actor.id === challenge.ownerId) throw forbidden(`You cannot ${doing} your own challenge`);
}

/** Achievement drafts are their owner's alone; listed, transferred and withdrawn ones are public. */
export function assertViewAchievement<A extends Pick<AchievementRow, 'ownerId' | 'status'>>(actor: Actor, achievement: A | undefined, id: string): A {
  if (!achievement || (achievement.status === 'draft' && actor?.id !== achievement.ownerId)) throw notFound('achievement', id);
  return achievement;
}

/** Only the owner changes an achievement, reads its enquiries or records its deal. */
export function assertOwnAchievement(actor: Actor, achievement: Pick<AchievementRow, 'ownerId'>): Readonly<AccountRow> {
  const account = requireAccount(actor);
  if (account.id !== achievement.ownerId) throw forbidden('Only the owner of this achievement can do that');
  return account;
}

/** An enquiry is sealed like a bid: its sender and the achievement's owner see it, nobody else. */
export function canViewEnquiry(actor: Actor, enquiry: Pick<EnquiryRow, 'senderId' | 'achievementOwnerId'>): boolean {
  return actor !== null && (actor.id === enquiry.senderId || actor.id === enquiry.achievementOwnerId);
}
