import type { AchievementStatus } from '../../shared/schemas/achievement.js';
import type { DealStatus } from '../../shared/schemas/deal.js';
import type { DealRow } from '../store/rows.js';
import { conflict } from './errors.js';

/**
 * The achievement and deal lifecycles in one place.
 *
 * Achievement: `draft` → `listed` (publish) → `transferred` (its deal's objection period ended with every
 * objection answered) | `withdrawn` (by the owner, from draft or listed). Only a listed achievement takes
 * enquiries and deals; only drafts and listed ones can be edited.
 *
 * Deal: `announced` → `transferred` when `objectionUntil` passes with no unanswered objection, else
 * `contested`; a contested deal transfers once its owner has answered every objection.
 */
export type AchievementAction = 'edit' | 'publish' | 'withdraw' | 'enquire' | 'deal';

const ALLOWED: Record<AchievementAction, readonly AchievementStatus[]> = {
  edit: ['draft', 'listed'],
  publish: ['draft'],
  withdraw: ['draft', 'listed'],
  enquire: ['listed'],
  deal: ['listed'],
};

const REFUSALS: Record<AchievementAction, string> = {
  edit: 'Only a draft or listed achievement can be edited',
  publish: 'Only a draft can be listed',
  withdraw: 'Only a draft or listed achievement can be withdrawn',
  enquire: 'Only a listed achievement takes enquiries',
  deal: 'Only a listed achievement can be announced as a deal',
};

/** Refuses (409) an action the achievement's status does not allow. */
export function assertAchievementCan(achievement: { status: AchievementStatus }, action: AchievementAction): void {
  if (!ALLOWED[action].includes(achievement.status)) throw conflict(REFUSALS[action], { status: achievement.status });
}

/** Objections not answered yet: what keeps a deal from transferring. */
export const unresolvedObjections = (deal: Pick<DealRow, 'objections'>): number => deal.objections.filter((o) => o.answer === null).length;

/**
 * The status a deal has at `now`: still `announced` inside its objection period; after it, `transferred`
 * when every objection is answered, else `contested`.
 */
export function settledDealStatus(deal: Pick<DealRow, 'status' | 'objectionUntil' | 'objections'>, now: Date): DealStatus {
  if (deal.status === 'transferred') return 'transferred';
  if (Date.parse(deal.objectionUntil) > now.getTime()) return 'announced';
  return unresolvedObjections(deal) === 0 ? 'transferred' : 'contested';
}
