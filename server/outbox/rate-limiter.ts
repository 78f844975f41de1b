import type { Clock } from '../clock.js';

/** At most `limit` sends in any `windowMs`-long stretch of time. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** Telegram's broadcast limit: about 30 messages per second overall. */
export const DEFAULT_GLOBAL_LIMIT: RateLimit = { limit: 30, windowMs: 1000 };
/** Telegram's limit for one chat: about one message per second. */
export const DEFAULT_CHAT_LIMIT: RateLimit = { limit: 1, windowMs: 1000 };
/** Telegram's limit for one group, on top of the chat limit: 20 messages per minute. */
export const DEFAULT_GROUP_LIMIT: RateLimit = { limit: 20, windowMs: 60_000 };

/** Telegram gives groups, supergroups and channels negative chat ids; people have positive ones. */
export const isTelegramGroup = (chat: string): boolean => chat.startsWith('-');

export interface RateLimiterOptions {
  clock: Clock;
  global?: RateLimit;
  perChat?: RateLimit;
  /** A further limit for chats that `isGroup` says are groups. */
  perGroup?: RateLimit;
  isGroup?: (chat: string) => boolean;
}

/**
 * Send limits for one channel, as sliding windows: whatever sends the limiter admits, no half-open interval
 * `[t, t + windowMs)` ever holds more than `global.limit` of them, nor more than `perChat.limit` to one chat,
 * nor — for a group — more than `perGroup.limit` to it.
 * (A token bucket of the same rate would not promise that: a full bucket spent at the end of one second and
 * the refill spent at the start of the next put twice the limit within one second.) The limiter remembers
 * only the last `limit` send times, globally and per chat active within its window, so it stays small.
 * A pause (Telegram's `retry_after`) stops every send until it ends.
 *
 * Send times are those of the limiter's clock when a send is recorded, so record a send right when it starts.
 */
export interface RateLimiter {
  /**
   * The earliest time (epoch ms, never before now) at which one more send to `chat` would be admitted;
   * without a chat, the earliest time the pause and the global limit admit a send to some chat.
   */
  nextAllowedAt(chat?: string): number;
  /** If a send to `chat` is admitted now, records it and returns true; otherwise records nothing and returns false. */
  tryAcquire(chat: string): boolean;
  /**
   * A dry run for a batch: the returned function says whether one more send to `chat` could start now
   * together with every send it admitted before. Records nothing; sends admitted by it are still admitted
   * by `tryAcquire` later, as long as no other send was recorded in between and the pause was not extended.
   */
  plan(): (chat: string) => boolean;
  /** No send before `atMs` (epoch ms). A pause never shortens one already in force. */
  pauseUntil(atMs: number): void;
  /** When the current pause ends (epoch ms); in the past when there is none. */
  pausedUntil(): number;
}

/**
 * The earliest time a send fits under `limit`, given the recent send times `recent` (oldest first) plus
 * `extra` sends planned at `now`: the `limit`-th most recent send must be at least a window old.
 */
function freeAt(recent: readonly number[], extra: number, { limit, windowMs }: RateLimit, now: number): number {
  if (extra >= limit) return now + windowMs;
  const index = recent.length - (limit - extra);
  return index < 0 ? now : recent[index]! + windowMs;
}

/** Create a limiter; see `RateLimiter` for what it promises. */
export function createRateLimiter({
  clock,
  global = DEFAULT_GLOBAL_LIMIT,
  perChat = DEFAULT_CHAT_LIMIT,
  perGroup = DEFAULT_GROUP_LIMIT,
  isGroup = isTelegramGroup,
}: RateLimiterOptions): RateLimiter {
  for (const limit of [global, perChat, perGroup]) {
    if (!(Number.isInteger(limit.limit) && limit.limit >= 1 && limit.windowMs > 0)) {
      throw new Error(`A rate limit needs a whole limit >= 1 and a positive window, not ${JSON.stringify(limit)}`);
    }
  }
  const recentGlobal: number[] = [];
  const recentByChat = new Map<string, number[]>();
  let pauseEnd = Number.NEGATIVE_INFINITY;
  const now = () => clock.now().getTime();
  // A group's list holds as many send times as its larger limit needs, for as long as its longer window.
  const keepOf = (chat: string) => (isGroup(chat) ? Math.max(perChat.limit, perGroup.limit) : perChat.limit);
  const windowOf = (chat: string) => (isGroup(chat) ? Math.max(perChat.windowMs, perGroup.windowMs) : perChat.windowMs);
  const chatFreeAt = (chat: string, planned: number, at: number) => {
    const recent = recentByChat.get(chat) ?? [];
    const free = freeAt(recent, planned, perChat, at);
    return isGroup(chat) ? Math.max(free, freeAt(recent, planned, perGroup, at)) : free;
  };

  const allowedAt = (chat: string | undefined, at: number, plannedGlobal: number, plannedChat: number) =>
    Math.max(
      at,
      pauseEnd,
      freeAt(recentGlobal, plannedGlobal, global, at),
      chat === undefined ? at : chatFreeAt(chat, plannedChat, at),
    );

  const remember = (list: number[], at: number, limit: number) => {
    list.push(at);
    if (list.length > limit) list.splice(0, list.length - limit);
  };

  return {
    nextAllowedAt: (chat) => allowedAt(chat, now(), 0, 0),

    tryAcquire(chat) {
      const at = now();
      if (allowedAt(chat, at, 0, 0) > at) return false;
      remember(recentGlobal, at, global.limit);
      let list = recentByChat.get(chat);
      if (!list) recentByChat.set(chat, (list = []));
      remember(list, at, keepOf(chat));
      // A chat whose last send is a window old constrains nothing any more.
      for (const [other, times] of recentByChat) if (times[times.length - 1]! <= at - windowOf(other)) recentByChat.delete(other);
      return true;
    },

    plan() {
      const at = now();
      let planned = 0;
      const plannedByChat = new Map<string, number>();
      return (chat) => {
        const forChat = plannedByChat.get(chat) ?? 0;
        if (allowedAt(chat, at, planned, forChat) > at) return false;
        planned++;
        plannedByChat.set(chat, forChat + 1);
        return true;
      };
    },

    pauseUntil(atMs) {
      pauseEnd = Math.max(pauseEnd, atMs);
    },

    pausedUntil: () => pauseEnd,
  };
}
