import { describe, expect, it } from 'vitest';
import { fieldFromTag, isNotPositiveAmount, parseDeadline, parseMoney, parseSubscribeArgs, parseWeeks } from '../../bot/parse-input.js';

const NOW = new Date('2026-11-01T09:00:00.000Z');
const DAY = 86_400_000;

describe('parseDeadline', () => {
  it.each([
    ['2026-12-31', '2026-12-31T23:59:59.000Z'],
    ['2026/12/31', '2026-12-31T23:59:59.000Z'],
    ['2026年12月31日', '2026-12-31T23:59:59.000Z'],
    ['２０２６－１２－３１', '2026-12-31T23:59:59.000Z'],
    ['in 30 days', new Date(NOW.getTime() + 30 * DAY).toISOString()],
    ['30 days', new Date(NOW.getTime() + 30 * DAY).toISOString()],
    ['In 30 Days', new Date(NOW.getTime() + 30 * DAY).toISOString()],
    ['1 day', new Date(NOW.getTime() + DAY).toISOString()],
    ['30天后', new Date(NOW.getTime() + 30 * DAY).toISOString()],
    ['30天', new Date(NOW.getTime() + 30 * DAY).toISOString()],
    ['30 天以后', new Date(NOW.getTime() + 30 * DAY).toISOString()],
    ['8 weeks', new Date(NOW.getTime() + 56 * DAY).toISOString()],
    ['2周', new Date(NOW.getTime() + 14 * DAY).toISOString()],
    ['3 months', '2027-02-01T09:00:00.000Z'],
    ['3个月后', '2027-02-01T09:00:00.000Z'],
  ])('reads %s', (input, iso) => {
    expect(parseDeadline(input, NOW)).toEqual({ ok: true, iso });
  });

  it('reads tomorrow, 明天, 后天 and number words, as the end of that day in the poster’s zone', () => {
    expect(parseDeadline('tomorrow', NOW)).toEqual({ ok: true, iso: '2026-11-02T23:59:59.000Z' });
    expect(parseDeadline('明天', NOW, 'Asia/Shanghai')).toEqual({ ok: true, iso: '2026-11-02T15:59:59.000Z' });
    expect(parseDeadline('后天', NOW, 'Asia/Shanghai')).toEqual({ ok: true, iso: '2026-11-03T15:59:59.000Z' });
    expect(parseDeadline('in 2 weeks', NOW)).toEqual({ ok: true, iso: new Date(NOW.getTime() + 14 * DAY).toISOString() });
    expect(parseDeadline('in two weeks', NOW)).toEqual({ ok: true, iso: new Date(NOW.getTime() + 14 * DAY).toISOString() });
    expect(parseDeadline('两周后', NOW)).toEqual({ ok: true, iso: new Date(NOW.getTime() + 14 * DAY).toISOString() });
  });

  it('a date-only deadline is the end of that day in the given zone, not in UTC', () => {
    expect(parseDeadline('2027-06-30', NOW, 'Asia/Shanghai')).toEqual({ ok: true, iso: '2027-06-30T15:59:59.000Z' });
    // Across a daylight-saving change: Berlin is UTC+2 in summer.
    expect(parseDeadline('2027-06-30', NOW, 'Europe/Berlin')).toEqual({ ok: true, iso: '2027-06-30T21:59:59.000Z' });
  });

  it('refuses the past, the far future and nonsense', () => {
    expect(parseDeadline('2026-10-31', NOW)).toEqual({ ok: false, problem: 'past' });
    expect(parseDeadline('0 days', NOW)).toEqual({ ok: false, problem: 'past' });
    expect(parseDeadline('2032-01-01', NOW)).toEqual({ ok: false, problem: 'too-far' });
    for (const bad of ['tomorrow-ish', '2026-02-30', '2026-13-01', '', '30', 'in days']) {
      expect(parseDeadline(bad, NOW)).toEqual({ ok: false, problem: 'unreadable' });
    }
  });
});

describe('isNotPositiveAmount', () => {
  it('tells zero and negative amounts from unreadable ones', () => {
    for (const text of ['0', '-5', '0 CNY', '−5', '¥0']) expect(isNotPositiveAmount(text), text).toBe(true);
    for (const text of ['a lot', '500', '5万']) expect(isNotPositiveAmount(text), text).toBe(false);
  });
});

describe('parseMoney', () => {
  it.each([
    ['500000', { amount: 500000, currency: 'CNY' }],
    ['500,000 CNY', { amount: 500000, currency: 'CNY' }],
    ['¥200万', { amount: 2000000, currency: 'CNY' }],
    ['30万元', { amount: 300000, currency: 'CNY' }],
    ['50k USD', { amount: 50000, currency: 'USD' }],
    ['$1.5m', { amount: 1500000, currency: 'USD' }],
    ['US$80,000.50', { amount: 80000.5, currency: 'USD' }],
    ['€ 12 000', { amount: 12000, currency: 'EUR' }],
    ['１２３４５ 美元', { amount: 12345, currency: 'USD' }],
    ['100 chf', { amount: 100, currency: 'CHF' }],
  ])('reads %s', (input, money) => {
    expect(parseMoney(input, 'CNY')).toEqual(money);
  });

  it('uses the default currency and refuses what is not an amount', () => {
    expect(parseMoney('300', 'USD')).toEqual({ amount: 300, currency: 'USD' });
    for (const bad of ['', 'lots', '-5', '0', '¥100 USD', 'abcd 100', '1e9999', '12.345.6']) expect(parseMoney(bad, 'CNY')).toBeNull();
  });
});

describe('parseWeeks', () => {
  it('reads whole weeks from 1 to 520', () => {
    expect(parseWeeks('12')).toBe(12);
    expect(parseWeeks('12 weeks')).toBe(12);
    expect(parseWeeks('20周')).toBe(20);
    for (const bad of ['0', '521', '1.5', 'soon', '']) expect(parseWeeks(bad)).toBeNull();
  });
});

describe('parseSubscribeArgs', () => {
  it('splits words, #fields and a minimum reward', () => {
    expect(parseSubscribeArgs('battery recycling')).toEqual({ ok: true, keywords: 'battery recycling', fields: [], minReward: null });
    expect(parseSubscribeArgs('钙钛矿 #new-materials #新材料 min:100000')).toEqual({ ok: true, keywords: '钙钛矿', fields: ['new-materials'], minReward: 100000 });
    expect(parseSubscribeArgs('#ai ≥5万')).toEqual({ ok: true, keywords: '', fields: ['ai'], minReward: 50000 });
    expect(parseSubscribeArgs('  ')).toEqual({ ok: false, problem: 'empty' });
    expect(parseSubscribeArgs('x #nope')).toEqual({ ok: false, problem: 'unknown-field', tag: '#nope' });
  });

  it('knows fields by id and by label in both languages', () => {
    expect(fieldFromTag('#smart-&-green-manufacturing')).toBeNull();
    expect(fieldFromTag('#smart-and-green-manufacturing')).toBe('green-manufacturing');
    expect(fieldFromTag('#人工智能')).toBe('ai');
    expect(fieldFromTag('#New-Materials')).toBe('new-materials');
  });
});
