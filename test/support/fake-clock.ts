import type { Clock } from '../../server/clock.js';

/** A clock that stands still until told to move. */
export class FakeClock implements Clock {
  private ms: number;

  constructor(start: string | Date = '2026-11-01T09:00:00.000Z') {
    this.ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  /** Move forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.ms += ms;
  }

  set(to: string | Date): void {
    this.ms = new Date(to).getTime();
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
