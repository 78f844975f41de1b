import type { ChallengeStatus } from '../../shared/schemas/challenge.js';
import type { ChallengeRow } from '../store/rows.js';
import { deadlineTime } from './deadline-time.js';
import { conflict } from './errors.js';

/**
 * The challenge lifecycle: `draft` → `open` (publish) → `closed` (deadline or owner) → `awarded`, and
 * `cancelled` from draft, open or closed. This module is the one place those rules are written.
 */
export type ChallengeAction = 'edit' | 'publish' | 'close' | 'cancel' | 'award';

const ALLOWED_FROM: Record<ChallengeAction, readonly ChallengeStatus[]> = {
  edit: ['draft', 'open'],
  publish: ['draft'],
  close: ['open'],
  cancel: ['draft', 'open', 'closed'],
  award: ['open', 'closed'],
};

/** The status a challenge has at `now`: an open challenge whose deadline has passed is closed. */
export function currentStatus(row: Pick<ChallengeRow, 'status' | 'deadline'>, now: Date): ChallengeStatus {
  return row.status === 'open' && deadlineTime(row) <= now.getTime() ? 'closed' : row.status;
}

/** True while the challenge accepts bids and questions: open, with its deadline ahead. */
export function isAcceptingBids(row: Pick<ChallengeRow, 'status' | 'deadline'>, now: Date): boolean {
  return currentStatus(row, now) === 'open';
}

/** True when `action` is allowed from the challenge's current status. */
export function canDo(row: Pick<ChallengeRow, 'status' | 'deadline'>, action: ChallengeAction, now: Date): boolean {
  return ALLOWED_FROM[action].includes(currentStatus(row, now));
}

/** Throws a 409 unless `action` is allowed from the challenge's current status. */
export function assertCanDo(row: ChallengeRow, action: ChallengeAction, now: Date): void {
  const status = currentStatus(row, now);
  if (!ALLOWED_FROM[action].includes(status)) {
    const allowed = ALLOWED_FROM[action].join(' or ');
    const why = row.status === 'open' && status === 'closed' ? ' (its deadline has passed)' : '';
    throw conflict(`Cannot ${action} a challenge that is ${status}${why}; it must be ${allowed}`, { status });
  }
}

/**
 * The row with its status made current: persisting it when a deadline closed the challenge keeps the
 * stored status index right for later reads.
 */
export function withCurrentStatus(row: ChallengeRow, now: Date): ChallengeRow {
  const status = currentStatus(row, now);
  return status === row.status ? row : { ...row, status, closedAt: row.closedAt ?? row.deadline };
}
