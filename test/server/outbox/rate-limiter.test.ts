import { describe, expect, it } from 'vitest';
import { createRateLimiter, type RateLimit } from '../../../server/outbox/rate-limiter.js';
import { FakeClock } from '../../support/fake-clock.js';
import { withinLimit } from './fakes.js';

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Hammer a limiter for `durationMs` of simulated time with eager senders; return what it admitted. */
function simulate(seed: number, chats: number, global: RateLimit, perChat: RateLimit, durationMs: number) {
  const rnd = random(seed);
  const clock = new FakeClock();
  const start = clock.now().getTime();
  const limiter = createRateLimiter({ clock, global, perChat });
  const admitted: { at: number; chat: string }[] = [];
  let plannedWrong = 0;
  while (clock.now().getTime() - start < durationMs) {
    const tries = Math.floor(rnd() * 40);
    for (let i = 0; i < tries; i++) {
      const chat = `c${Math.floor(rnd() * chats)}`;
      const byPlan = limiter.plan()(chat);
      const acquired = limiter.tryAcquire(chat);
      if (acquired !== byPlan) plannedWrong++;
      if (acquired) admitted.push({ at: clock.now().getTime(), chat });
    }
    if (rnd() < 0.3 && limiter.nextAllowedAt('c0') > clock.now().getTime()) clock.set(new Date(limiter.nextAllowedAt('c0')));
    else clock.advance(Math.floor(rnd() * 60));
  }
  expect(plannedWrong).toBe(0);
  return admitted;
}

function assertLimits(admitted: { at: number; chat: string }[], global: RateLimit, perChat: RateLimit) {
  expect(withinLimit(admitted.map((a) => a.at), global.limit, global.windowMs)).toBe(true);
  const byChat = new Map<string, number[]>();
  for (const a of admitted) byChat.set(a.chat, [...(byChat.get(a.chat) ?? []), a.at]);
  for (const times of byChat.values()) expect(withinLimit(times, perChat.limit, perChat.windowMs)).toBe(true);
}

describe('rate limiter', () => {
  it('never exceeds 30/s overall nor 1/s per chat over ten simulated minutes, and uses the allowance', () => {
    const global = { limit: 30, windowMs: 1000 };
    const perChat = { limit: 1, windowMs: 1000 };
    for (const seed of [1, 2, 3]) {
      const admitted = simulate(seed, 200, global, perChat, 600_000);
      assertLimits(admitted, global, perChat);
      // Eager senders to 200 chats: the global limit binds, and the limiter lets nearly all of it through.
      expect(admitted.length).toBeGreaterThan(0.9 * 30 * 600);
    }
  });

  it('holds other limits and windows exactly too (bursty chats, a chat limit above one)', () => {
    const global = { limit: 7, windowMs: 700 };
    const perChat = { limit: 3, windowMs: 2000 };
    for (const seed of [4, 5]) assertLimits(simulate(seed, 4, global, perChat, 120_000), global, perChat);
  });

  it('is a sliding window: a burst at the end of one second leaves the next second empty', () => {
    const clock = new FakeClock();
    const t0 = clock.now().getTime();
    const limiter = createRateLimiter({ clock });
    clock.advance(999);
    for (let i = 0; i < 30; i++) expect(limiter.tryAcquire(`c${i}`)).toBe(true);
    expect(limiter.tryAcquire('c30')).toBe(false);
    expect(limiter.nextAllowedAt('c30')).toBe(t0 + 1999);
    expect(limiter.nextAllowedAt()).toBe(t0 + 1999);
    expect(limiter.nextAllowedAt('c0')).toBe(t0 + 1999);
    clock.advance(999); // t0 + 1998: a token bucket would have refilled by now
    expect(limiter.tryAcquire('c30')).toBe(false);
    clock.advance(1);
    expect(limiter.tryAcquire('c30')).toBe(true);
  });

  it('admits a chat again exactly one window after its last send', () => {
    const clock = new FakeClock();
    const t0 = clock.now().getTime();
    const limiter = createRateLimiter({ clock });
    expect(limiter.nextAllowedAt('a')).toBe(t0);
    expect(limiter.tryAcquire('a')).toBe(true);
    expect(limiter.nextAllowedAt('a')).toBe(t0 + 1000);
    expect(limiter.nextAllowedAt('b')).toBe(t0);
    expect(limiter.nextAllowedAt()).toBe(t0);
    clock.advance(999);
    expect(limiter.tryAcquire('a')).toBe(false);
    clock.advance(1);
    expect(limiter.tryAcquire('a')).toBe(true);
  });

  it('holds a group (a negative Telegram chat id) to 20 a minute on top of 1 a second; a person only to 1 a second', () => {
    const clock = new FakeClock();
    const limiter = createRateLimiter({ clock });
    const admitted: { at: number; chat: string }[] = [];
    for (let step = 0; step < 3 * 60; step++) {
      for (const chat of ['-100123', '42']) if (limiter.tryAcquire(chat)) admitted.push({ at: clock.now().getTime(), chat });
      clock.advance(1000);
    }
    const times = (chat: string) => admitted.filter((a) => a.chat === chat).map((a) => a.at);
    expect(withinLimit(times('-100123'), 20, 60_000)).toBe(true);
    expect(times('-100123')).toHaveLength(60);
    expect(times('42')).toHaveLength(180);
  });

  it('pauses every send until the pause ends, and a shorter pause does not cut a longer one', () => {
    const clock = new FakeClock();
    const t0 = clock.now().getTime();
    const limiter = createRateLimiter({ clock });
    limiter.pauseUntil(t0 + 5000);
    limiter.pauseUntil(t0 + 2000);
    expect(limiter.pausedUntil()).toBe(t0 + 5000);
    expect(limiter.nextAllowedAt('a')).toBe(t0 + 5000);
    expect(limiter.nextAllowedAt()).toBe(t0 + 5000);
    expect(limiter.plan()('a')).toBe(false);
    clock.advance(4999);
    expect(limiter.tryAcquire('a')).toBe(false);
    clock.advance(1);
    expect(limiter.tryAcquire('a')).toBe(true);
  });

  it('plans a batch without recording it, and then admits exactly what it planned', () => {
    const clock = new FakeClock();
    const limiter = createRateLimiter({ clock, global: { limit: 3, windowMs: 1000 }, perChat: { limit: 1, windowMs: 1000 } });
    expect(limiter.tryAcquire('a')).toBe(true);
    const admit = limiter.plan();
    expect(['a', 'b', 'b', 'c', 'd'].map(admit)).toEqual([false, true, false, true, false]);
    expect(limiter.plan()('d')).toBe(true); // the first plan recorded nothing
    clock.advance(10);
    expect(limiter.tryAcquire('b')).toBe(true);
    expect(limiter.tryAcquire('c')).toBe(true);
    expect(limiter.tryAcquire('d')).toBe(false);
  });

  it('rejects limits it could not keep', () => {
    const clock = new FakeClock();
    expect(() => createRateLimiter({ clock, global: { limit: 0, windowMs: 1000 } })).toThrow(/whole limit/);
    expect(() => createRateLimiter({ clock, perChat: { limit: 1, windowMs: 0 } })).toThrow(/positive window/);
  });
});
