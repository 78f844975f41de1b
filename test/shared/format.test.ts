import { afterEach, describe, expect, it, vi } from 'vitest';
import { countdown, formatMoney, intlLocale } from '../../shared/format.js';
import { countIntlBuilds } from '../support/intl-builds.js';

const NOW = new Date('2026-11-01T09:00:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The deadline `ms` after NOW. */
const inMs = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('countdown', () => {
  it('counts whole days from two days on, rounding down', () => {
    expect(countdown(inMs(12.9 * DAY), NOW, 'en')).toEqual({ text: '12 days left', urgent: false, over: false });
    expect(countdown(inMs(12.9 * DAY), NOW, 'zh')).toEqual({ text: '剩余 12 天', urgent: false, over: false });
    expect(countdown(inMs(2 * DAY), NOW, 'en').text).toBe('2 days left');
    expect(countdown(inMs(2 * DAY), NOW, 'zh').text).toBe('剩余 2 天');
  });

  it('counts whole hours under two days, so 47 hours never reads "1 day"', () => {
    expect(countdown(inMs(2 * DAY - 1), NOW, 'en')).toEqual({ text: '47 hours left', urgent: false, over: false });
    expect(countdown(inMs(2 * DAY - 1), NOW, 'zh').text).toBe('剩余 47 小时');
    expect(countdown(inMs(DAY + 30 * MINUTE), NOW, 'en').text).toBe('24 hours left');
    expect(countdown(inMs(5.5 * HOUR), NOW, 'en')).toEqual({ text: '5 hours left', urgent: true, over: false });
    expect(countdown(inMs(5.5 * HOUR), NOW, 'zh')).toEqual({ text: '剩余 5 小时', urgent: true, over: false });
    expect(countdown(inMs(2 * HOUR), NOW, 'en').text).toBe('2 hours left');
    expect(countdown(inMs(HOUR), NOW, 'en').text).toBe('1 hour left');
    expect(countdown(inMs(2 * HOUR - 1), NOW, 'en').text).toBe('1 hour left');
    expect(countdown(inMs(HOUR), NOW, 'zh').text).toBe('剩余 1 小时');
  });

  it('counts whole minutes under an hour, and never says 0 while the deadline is ahead', () => {
    expect(countdown(inMs(HOUR - 1), NOW, 'en')).toEqual({ text: '59 minutes left', urgent: true, over: false });
    expect(countdown(inMs(HOUR - 1), NOW, 'zh').text).toBe('剩余 59 分钟');
    expect(countdown(inMs(2 * MINUTE), NOW, 'en').text).toBe('2 minutes left');
    expect(countdown(inMs(2 * MINUTE - 1), NOW, 'en').text).toBe('1 minute left');
    expect(countdown(inMs(1), NOW, 'en')).toEqual({ text: '1 minute left', urgent: true, over: false });
    expect(countdown(inMs(1), NOW, 'zh').text).toBe('剩余 1 分钟');
  });

  it('is urgent in the last 24 hours only', () => {
    expect(countdown(inMs(DAY), NOW, 'en').urgent).toBe(false);
    expect(countdown(inMs(DAY - 1), NOW, 'en')).toEqual({ text: '23 hours left', urgent: true, over: false });
  });

  it('is over once the deadline is reached, and for a deadline it cannot read', () => {
    const over = { urgent: false, over: true };
    expect(countdown(inMs(0), NOW, 'en')).toEqual({ text: 'deadline passed', ...over });
    expect(countdown(inMs(-3 * DAY), NOW, 'en')).toEqual({ text: 'deadline passed', ...over });
    expect(countdown(inMs(0), NOW, 'zh')).toEqual({ text: '已截止', ...over });
    expect(countdown('not a date', NOW, 'en')).toEqual({ text: 'deadline passed', ...over });
  });
});

describe('formatMoney', () => {
  it('names the currency in both languages, with no decimals for a whole amount', () => {
    expect(formatMoney({ amount: 500000, currency: 'CNY' }, 'en')).toBe('CN¥500,000');
    expect(formatMoney({ amount: 500000, currency: 'CNY' }, 'zh')).toBe('¥500,000');
    expect(formatMoney({ amount: 90000, currency: 'USD' }, 'en')).toBe('US$90,000');
    expect(formatMoney({ amount: 90000, currency: 'USD' }, 'zh')).toBe('US$90,000');
  });

  it('shows exactly two decimals for an amount with cents', () => {
    expect(formatMoney({ amount: 80000.5, currency: 'USD' }, 'en')).toBe('US$80,000.50');
    expect(formatMoney({ amount: 80000.5, currency: 'USD' }, 'zh')).toBe('US$80,000.50');
    expect(formatMoney({ amount: 1234.05, currency: 'CNY' }, 'en')).toBe('CN¥1,234.05');
    expect(formatMoney({ amount: 1234.05, currency: 'CNY' }, 'zh')).toBe('¥1,234.05');
  });

  it('writes a currency without a symbol as its code', () => {
    // Well formed but unassigned: Intl puts the code where the symbol goes.
    expect(formatMoney({ amount: 1000, currency: 'XYZ' }, 'en')).toBe('XYZ\u00a01,000');
    expect(formatMoney({ amount: 1000.5, currency: 'XYZ' }, 'zh')).toBe('XYZ\u00a01,000.50');
    // Not a currency code at all: Intl refuses it, and the amount is still written, code after it.
    expect(formatMoney({ amount: 1000, currency: 'EURO' }, 'en')).toBe('1,000 EURO');
    expect(formatMoney({ amount: 1000.5, currency: 'EURO' }, 'zh')).toBe('1,000.50 EURO');
  });

  it('builds a formatter once per locale, currency and decimals, not once per amount', () => {
    const builds = countIntlBuilds('NumberFormat');
    for (let i = 0; i < 50; i++) formatMoney({ amount: 1000 + i, currency: 'GBP' }, 'en');
    for (let i = 0; i < 50; i++) formatMoney({ amount: 1000 + i, currency: 'BHD' }, 'zh');
    expect(builds()).toBeLessThanOrEqual(2);
    expect(formatMoney({ amount: 1001, currency: 'GBP' }, 'en')).toBe('£1,001');
  });
});

afterEach(() => vi.unstubAllGlobals());

describe('intlLocale', () => {
  it('gives one tag per language for every channel', () => {
    expect(intlLocale('en')).toBe('en-GB');
    expect(intlLocale('zh')).toBe('zh-CN');
  });
});
