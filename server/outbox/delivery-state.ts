import type { Delivery } from '../../shared/schemas/notification.js';

/** True when the delivery has an attempt to come: pending, or failed with a next attempt planned. */
export function isWaiting(d: Delivery | undefined): d is Delivery & { nextAttemptAt: string } {
  return d !== undefined && (d.state === 'pending' || d.state === 'failed') && d.nextAttemptAt !== null;
}

/** True when nothing will ever happen to the delivery again: sent, skipped, or failed for good. */
export function isFinished(d: Delivery): boolean {
  return d.state === 'sent' || d.state === 'skipped' || (d.state === 'failed' && d.nextAttemptAt === null);
}
