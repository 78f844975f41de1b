import { describe, expect, it } from 'vitest';
import { contentLanguage, countdown, formatMoney } from '../../../server/board/format.js';
import { messagesFor } from '../../../server/board/messages.js';

const now = new Date('2026-11-01T09:00:00Z');
const inMs = (ms: number) => new Date(now.getTime() + ms).toISOString();
const HOUR = 3_600_000;

describe('board formatting', () => {
  it('counts down in days, then hours in the last day', () => {
    const en = messagesFor('en');
    const zh = messagesFor('zh');
    expect(countdown(inMs(12.9 * 24 * HOUR), now, en)).toEqual({ text: '12 days left', urgent: false });
    expect(countdown(inMs(24 * HOUR), now, en).text).toBe('1 day left');
    expect(countdown(inMs(12 * 24 * HOUR), now, zh).text).toBe('还剩 12 天');
    expect(countdown(inMs(5.5 * HOUR), now, en)).toEqual({ text: '5 hours left', urgent: true });
    expect(countdown(inMs(5.5 * HOUR), now, zh).text).toBe('还剩 5 小时');
    expect(countdown(inMs(20 * 60_000), now, en).text).toBe('Less than an hour left');
    expect(countdown(inMs(-1), now, en).text).toBe('Deadline passed');
  });

  it('writes money the way each locale does', () => {
    expect(formatMoney({ amount: 1200000, currency: 'CNY' }, 'en')).toBe('CN¥1,200,000');
    expect(formatMoney({ amount: 1200000, currency: 'CNY' }, 'zh')).toBe('¥1,200,000');
    expect(formatMoney({ amount: 90000.5, currency: 'USD' }, 'en')).toBe('$90,000.50');
    expect(formatMoney({ amount: 90000, currency: 'USD' }, 'zh')).toBe('US$90,000');
  });

  it('marks Chinese content as Chinese', () => {
    expect(contentLanguage('钙钛矿 stability')).toBe('zh');
    expect(contentLanguage('Perovskite stability')).toBe('en');
  });
});
