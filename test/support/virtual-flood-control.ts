import { createRateLimiter } from '../../server/outbox/rate-limiter.js';
import type { FloodControl } from '../../bot/flood-control.js';
import { FakeClock } from './fake-clock.js';

/**
 * The bot's flood control on a clock of its own that moves only when something waits: `sleep(ms)` lets
 * everything already under way run (up to the next turn of the event loop), then sets the clock to when the
 * sleep ends. Pacing thus takes no real time, and what the limiter admitted can be checked against `clock`.
 * Kept apart from the services' clock, so pacing never moves the time the product sees.
 */
export function virtualFloodControl(): FloodControl & { clock: FakeClock } {
  const clock = new FakeClock();
  return {
    clock,
    limiter: createRateLimiter({ clock }),
    sleep(ms) {
      const until = clock.now().getTime() + ms;
      return new Promise((resolve) =>
        setImmediate(() => {
          if (clock.now().getTime() < until) clock.set(new Date(until));
          resolve();
        }),
      );
    },
  };
}
