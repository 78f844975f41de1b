import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Clock } from '../clock.js';
import { createMemoryHitLog, type HitLog, type HitResult } from '../jobs/coordination.js';
import { errorResponse } from './errors.js';

/** A shared hit log that has not answered within this long counts as unreachable for that request. */
const SHARED_LOG_TIMEOUT_MS = 500;
/** While the shared log is unreachable, one warning per this long. */
const WARN_EVERY_MS = 60_000;

export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  windowMs: number;
  clock: Clock;
  /** The key a request counts against (the client's address by default). */
  keyOf: (c: Context) => string;
  /** Where hits are counted; in this process's memory by default. Give a shared one to limit a cluster. */
  hits?: HitLog;
}

/**
 * A sliding-window limiter: at most `limit` requests per key in any `windowMs`, counted in `hits` (with
 * several instances, a hit log they share counts every instance's requests). Over it, a 429 with
 * `Retry-After`.
 */
export function rateLimit({ limit, windowMs, clock, keyOf, hits = createMemoryHitLog() }: RateLimitOptions) {
  return createMiddleware(async (c, next) => {
    const now = clock.now().getTime();
    const result = await hits.hit(keyOf(c), now, limit, windowMs);
    if (!result.admitted) {
      const retryAfter = Math.max(1, Math.ceil((result.retryAt - now) / 1000));
      c.header('Retry-After', String(retryAfter));
      return errorResponse(c, 'rate_limited', `Too many attempts; try again in ${retryAfter} s`);
    }
    await next();
  });
}

export interface FailOpenOptions {
  /** Counts instead while `shared` fails or is slow; in memory by default. */
  fallback?: HitLog;
  /** How long a hit waits for `shared` (default 500 ms). */
  timeoutMs?: number;
  /** Warnings, at most one a minute; console.warn by default. */
  log?: (line: string) => void;
}

/**
 * A shared hit log (the database's) that fails open to a local one: when `shared` rejects or does not
 * answer within `timeoutMs`, the hit is counted by `fallback` instead, and a warning is logged. So an
 * outage of the database neither locks every client out (as failing closed would) nor lifts the limit:
 * each instance still limits on its own, and the endpoints it guards need the database anyway.
 */
export function failOpen(shared: HitLog, { fallback = createMemoryHitLog(), timeoutMs = SHARED_LOG_TIMEOUT_MS, log = console.warn }: FailOpenOptions = {}): HitLog {
  let warnedAt = Number.NEGATIVE_INFINITY;
  return {
    async hit(key, now, limit, windowMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        timer.unref();
      });
      try {
        return await Promise.race<HitResult>([shared.hit(key, now, limit, windowMs), timeout]);
      } catch (error) {
        if (now - warnedAt >= WARN_EVERY_MS) {
          warnedAt = now;
          log(`[rate-limit] the shared hit log failed; limiting per instance until it answers again: ${(error as Error).message}`);
        }
        return fallback.hit(key, now, limit, windowMs);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
