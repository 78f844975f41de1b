import type { Clock } from '../clock.js';

/**
 * The seeder's clock. It stands at the moment of the event being replayed, so every record gets the time
 * it would have had, and it only moves forward, so the replay cannot write history out of order.
 */
export class ReplayClock implements Clock {
  #at: number;

  constructor(start: Date) {
    this.#at = start.getTime();
  }

  now(): Date {
    return new Date(this.#at);
  }

  moveTo(at: Date): void {
    if (at.getTime() < this.#at) throw new Error(`The replay clock cannot go back from ${this.now().toISOString()} to ${at.toISOString()}`);
    this.#at = at.getTime();
  }
}
