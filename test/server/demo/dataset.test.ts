import { describe, expect, it } from 'vitest';
import { DEMO_DATASET } from '../../../server/demo/dataset.js';
import { demoTimeline } from '../../../server/demo/timeline.js';

const HAN = /\p{Script=Han}/u;
const { accounts, challenges } = DEMO_DATASET;

describe('the demo dataset', () => {
  it('has the cast the demo promises', () => {
    expect(accounts.filter((a) => a.roles.includes('enterprise')).length).toBeGreaterThanOrEqual(5);
    expect(accounts.filter((a) => a.roles.includes('researcher')).length).toBeGreaterThanOrEqual(6);
    expect(new Set(accounts.map((a) => a.email)).size).toBe(accounts.length);
    expect(accounts.every((a) => a.email.endsWith('.example'))).toBe(true);
  });

  it('has at least 14 varied challenges, about half in Chinese, with substantial descriptions once published', () => {
    expect(challenges.length).toBeGreaterThanOrEqual(14);
    expect(new Set(challenges.flatMap((c) => c.fields)).size).toBeGreaterThanOrEqual(8);
    const chinese = challenges.filter((c) => HAN.test(c.title)).length;
    expect(chinese / challenges.length).toBeGreaterThan(0.35);
    expect(chinese / challenges.length).toBeLessThan(0.65);
    expect(new Set(challenges.map((c) => c.type)).size).toBe(4);
    expect(new Set(challenges.map((c) => c.ipTerms)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(challenges.map((c) => c.reward.currency))).toEqual(new Set(['CNY', 'USD']));
    for (const c of challenges.filter((c) => c.publishedDaysAgo !== undefined)) {
      expect(c.description.length, c.key).toBeGreaterThan(HAN.test(c.description) ? 250 : 600);
    }
  });

  it('has one draft, one closing within a day, and open deadlines up to 60 days ahead', () => {
    expect(challenges.filter((c) => c.publishedDaysAgo === undefined)).toHaveLength(1);
    const live = challenges.filter((c) => c.publishedDaysAgo !== undefined && c.deadlineInDays > 0);
    expect(live.filter((c) => c.deadlineInDays < 1)).toHaveLength(1);
    expect(live.every((c) => c.deadlineInDays <= 60)).toBe(true);
    expect(challenges.filter((c) => c.award).length).toBeGreaterThanOrEqual(1);
    expect(challenges.filter((c) => !c.award && c.deadlineInDays < 0).length).toBeGreaterThanOrEqual(1);
  });

  it('replays as a history that ends before now, oldest first', () => {
    const now = new Date();
    const events = demoTimeline(DEMO_DATASET, now);
    const times = events.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThan(now.getTime());
    const challengeStart = Math.min(...events.filter((e) => e.what.includes(' drafts ')).map((e) => e.at.getTime()));
    expect((now.getTime() - challengeStart) / 86_400_000).toBeGreaterThan(18);
  });
});
