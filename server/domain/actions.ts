import { LIVE_BID_STATUSES, type BidActionName } from '../../shared/schemas/bid.js';
import type { ChallengeActionName } from '../../shared/schemas/challenge.js';
import type { BidRow, ChallengeEvaluationFields, ChallengeRow } from '../store/rows.js';
import { canDo, isAcceptingBids, type ChallengeAction } from './challenge-lifecycle.js';
import { evaluationOf, isLastPhase } from './evaluation/settings.js';
import { canViewBid, canViewChallenge, isChallengeOwner, type Actor } from './permissions.js';

/**
 * What a caller may do now, as the API reports it in `actions`: the lifecycle (challenge-lifecycle.ts) and
 * the permissions (permissions.ts) the services enforce, read as a list, so clients draw their buttons from
 * it instead of re-encoding the rules. A listed action may still be refused by a check that needs a read
 * (a bidder who became a reviewer); an action left out is always refused.
 */

type ChallengeFacts = Pick<ChallengeRow, 'ownerId' | 'status' | 'deadline' | ChallengeEvaluationFields>;

/** The caller's own relation to the challenge: whether they saved it and their live bid, if any. */
export interface ChallengeRelation {
  saved: boolean;
  bidId: string | null;
}

const OWNER_ACTIONS: readonly ChallengeAction[] = ['edit', 'publish', 'close', 'cancel', 'award'];

/**
 * The actions `actor` may take on `challenge` at `now`. The owner: what its status allows of edit,
 * publish, close, cancel and award. Others signed in: bid (a researcher without a live bid, in the first
 * phase) and ask while it takes bids. Anyone signed in who may see it: save or unsave. Visitors: none.
 */
export function challengeActions(actor: Actor, challenge: ChallengeFacts, now: Date, relation: ChallengeRelation): ChallengeActionName[] {
  if (!actor || !canViewChallenge(actor, challenge)) return [];
  const actions: ChallengeActionName[] = [];
  if (isChallengeOwner(actor, challenge)) {
    actions.push(...OWNER_ACTIONS.filter((action) => canDo(challenge, action, now)));
  } else if (isAcceptingBids(challenge, now)) {
    if (actor.roles.includes('researcher') && relation.bidId === null && evaluationOf(challenge).phase === 0) actions.push('bid');
    actions.push('ask');
  }
  actions.push(relation.saved ? 'unsave' : 'save');
  return actions;
}

/**
 * The actions `actor` may take on `bid` at `now`. Its bidder: revise (while submitted) and withdraw (while
 * live), both only while the challenge takes bids. The challenge's owner, while the challenge may be
 * awarded: shortlist (submitted), reject (live), award (live, in the last phase). Anyone else: none.
 */
export function bidActions(actor: Actor, bid: Pick<BidRow, 'bidderId' | 'status'>, challenge: ChallengeFacts, now: Date): BidActionName[] {
  if (!actor || !canViewBid(actor, bid, challenge)) return [];
  const live = LIVE_BID_STATUSES.includes(bid.status);
  const actions: BidActionName[] = [];
  if (actor.id === bid.bidderId && isAcceptingBids(challenge, now)) {
    if (bid.status === 'submitted') actions.push('revise');
    if (live) actions.push('withdraw');
  }
  if (isChallengeOwner(actor, challenge) && live && canDo(challenge, 'award', now)) {
    if (bid.status === 'submitted') actions.push('shortlist');
    actions.push('reject');
    if (isLastPhase(evaluationOf(challenge))) actions.push('award');
  }
  return actions;
}
