import type { Transformer } from 'grammy';
import { systemClock, type Clock } from '../server/clock.js';
import { createRateLimiter, type RateLimiter } from '../server/outbox/rate-limiter.js';

/**
 * A call waits at most this long in all (for its turn, for `retry_after`, between 5xx retries) before it is
 * given up: a burst of 300 people at 30 messages a second is answered within ten seconds, and a reply much
 * later than two minutes answers something the person has moved on from.
 */
const PATIENCE_MS = 2 * 60_000;
/** The wait after a 5xx answer (or a 429 that names no delay); it doubles after each further one. */
const FIRST_BACKOFF_MS = 1_000;

/**
 * Telegram's limits as one process shares them, and the time they are kept in. One per process: the bot's
 * calls and the outbox's Telegram channel count against the same `limiter`.
 */
export interface FloodControl {
  limiter: RateLimiter;
  /** The limiter's clock. */
  clock: Clock;
  /** Waits `ms` on `clock`; tests pass a virtual one so that pacing takes no real time. */
  sleep(ms: number): Promise<void>;
}

/** Flood control in real time, with Telegram's limits (30 messages/s overall, 1/s per chat, 20/min per group). */
export function realTimeFloodControl(): FloodControl {
  return {
    limiter: createRateLimiter({ clock: systemClock }),
    clock: systemClock,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

/** A call the limits did not admit within the patience: it never reached Telegram. */
export class NotAdmittedError extends Error {
  constructor(method: string, patienceMs: number) {
    super(`${method} was not sent: Telegram's rate limits would not admit it within ${Math.round(patienceMs / 1000)} s`);
    this.name = 'NotAdmittedError';
  }
}

interface Waiter {
  chat: string;
  deadline: number;
  settle(admitted: boolean): void;
}

/**
 * Admits calls to chats in the order they asked, each as soon as the limiter allows one to its chat; a call
 * to a busy chat does not hold up calls to other chats. Wakes when the earliest waiting call could go.
 */
function createTurnstile({ limiter, clock, sleep }: FloodControl) {
  const waiting: Waiter[] = [];
  let wakeAt = Number.POSITIVE_INFINITY;

  function pump(): void {
    let next = Number.POSITIVE_INFINITY;
    for (let i = 0; i < waiting.length; ) {
      const waiter = waiting[i]!;
      if (limiter.tryAcquire(waiter.chat)) {
        waiting.splice(i, 1);
        waiter.settle(true);
        continue;
      }
      const at = limiter.nextAllowedAt(waiter.chat);
      // The earliest turn only moves later, so a call that cannot make its deadline is told at once.
      if (at > waiter.deadline) {
        waiting.splice(i, 1);
        waiter.settle(false);
        continue;
      }
      next = Math.min(next, at);
      i++;
    }
    if (next < wakeAt) {
      wakeAt = next;
      void sleep(Math.max(0, next - clock.now().getTime())).then(() => {
        if (wakeAt === next) wakeAt = Number.POSITIVE_INFINITY;
        pump();
      });
    }
  }

  return {
    /** True once a send to `chat` is recorded with the limiter; false, at once, when that would be after `deadline`. */
    enter(chat: string, deadline: number): Promise<boolean> {
      return new Promise((settle) => {
        waiting.push({ chat, deadline, settle });
        pump();
      });
    },
  };
}

function chatOf(payload: unknown): string | null {
  const chatId = (payload as { chat_id?: unknown } | undefined)?.chat_id;
  return typeof chatId === 'number' || typeof chatId === 'string' ? String(chatId) : null;
}

/**
 * A grammY API transformer that keeps the bot's own calls within Telegram's limits and gets them through
 * its flood control:
 *
 * - A call into a chat (any method with a `chat_id`: messages, edits) waits for its turn with the shared
 *   limiter, so it never goes out beyond 30/s overall, 1/s to the chat or 20/min to a group — counting the
 *   outbox's sends too.
 * - A 429 with `retry_after` pauses the shared limiter (every sender, the outbox included) for that long, and
 *   the call is tried again; so is a 5xx answer, after a doubling wait.
 * - All of it within `patienceMs`: then the call is given up, rejecting with Telegram's last answer, or with
 *   `NotAdmittedError` when its turn would come too late — either way, it was not delivered.
 *
 * A call that got no answer (network) is not retried: it may have been delivered, and a retry could send it
 * twice. `getUpdates` passes untouched (long polling has its own loop).
 */
export function paceTelegramCalls(control: FloodControl, { patienceMs = PATIENCE_MS }: { patienceMs?: number } = {}): Transformer {
  const { limiter, clock, sleep } = control;
  const turnstile = createTurnstile(control);
  return async (prev, method, payload, signal) => {
    if (method === 'getUpdates') return prev(method, payload, signal);
    const chat = chatOf(payload);
    const deadline = clock.now().getTime() + patienceMs;
    let backoffMs = FIRST_BACKOFF_MS;
    for (;;) {
      if (chat !== null && !(await turnstile.enter(chat, deadline))) throw new NotAdmittedError(method, patienceMs);
      const result = await prev(method, payload, signal);
      if (result.ok || !(result.error_code === 429 || result.error_code >= 500)) return result;
      const now = clock.now().getTime();
      const retryAfterMs = result.error_code === 429 && result.parameters?.retry_after !== undefined ? result.parameters.retry_after * 1000 : null;
      const retryAt = now + (retryAfterMs ?? backoffMs);
      if (retryAfterMs === null) backoffMs *= 2;
      // Telegram's wait holds for every sender, even when this call gives up rather than wait it out.
      if (retryAfterMs !== null) limiter.pauseUntil(retryAt);
      if (retryAt > deadline) return result;
      // A call into a chat waits out the pause in the turnstile; anything else waits here.
      if (chat === null || retryAfterMs === null) await sleep(retryAt - now);
    }
  };
}
