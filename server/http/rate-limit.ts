import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Clock } from '../clock.js';
import { errorResponse } from './errors.js';

export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  windowMs: number;
  clock: Clock;
  /** The key a request counts against (the client's address by default). */
  keyOf: (c: Context) => string;
}

/**
 * A sliding-window-log limiter: at most `limit` requests per key in any `windowMs`. Over it, a 429 with
 * `Retry-After`. Memory is bounded by the active keys; idle keys are dropped as they expire.
 */
export function rateLimit({ limit, windowMs, clock, keyOf }: RateLimitOptions) {
  const hits = new Map<string, number[]>();
  let lastSweep = 0;
  return createMiddleware(async (c, next) => {
    const now = clock.now().getTime();
    if (now - lastSweep > windowMs) {
      for (const [key, times] of hits) if (times[times.length - 1]! <= now - windowMs) hits.delete(key);
      lastSweep = now;
    }
    const key = keyOf(c);
    const times = (hits.get(key) ?? []).filter((t) => t > now - windowMs);
    if (times.length >= limit) {
      const retryAfter = Math.max(1, Math.ceil((times[0]! + windowMs - now) / 1000));
      c.header('Retry-After', String(retryAfter));
      hits.set(key, times);
      return errorResponse(c, 'rate_limited', `Too many attempts; try again in ${retryAfter} s`);
    }
    times.push(now);
    hits.set(key, times);
    await next();
  });
}
