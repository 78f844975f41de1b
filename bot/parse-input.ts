import { FIELDS, type FieldId } from '../shared/fields.js';
import { Money } from '../shared/schemas/common.js';
import { dateIn, endOfDayIn } from '../shared/time-zone.js';

/**
 * What people type in the bot, read leniently: amounts with symbols, multipliers and either language's
 * words; deadlines as dates or "in 30 days" / "30天后"; alert filters. Each parser returns null (or a
 * reason) instead of throwing, so a step can re-ask.
 */

const DAY_MS = 24 * 60 * 60_000;
/** A deadline further than this is almost certainly a typo (2062 for 2026). */
const MAX_DEADLINE_MS = 5 * 366 * DAY_MS;

const CURRENCY_WORDS: readonly [RegExp, string][] = [
  [/^(¥|￥|rmb|元|人民币|cny|cn¥)$/i, 'CNY'],
  [/^(\$|us\$|usd|美元)$/i, 'USD'],
  [/^(€|eur|欧元)$/i, 'EUR'],
  [/^(£|gbp|英镑)$/i, 'GBP'],
  [/^(hk\$|hkd|港币|港元)$/i, 'HKD'],
  [/^(jp¥|jpy|日元)$/i, 'JPY'],
];

const MULTIPLIERS: Record<string, number> = { k: 1e3, 千: 1e3, m: 1e6, 万: 1e4, 百万: 1e6, 亿: 1e8 };

/** Full-width digits and punctuation (１２３，．) as ASCII, so Chinese keyboards' input reads the same. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function currencyOf(word: string): string | null {
  if (!word) return null;
  for (const [pattern, code] of CURRENCY_WORDS) if (pattern.test(word)) return code;
  return /^[a-z]{3}$/i.test(word) ? word.toUpperCase() : null;
}

/**
 * An amount of money: `500000`, `500,000 CNY`, `¥200万`, `80k USD`, `$1.5m`, `30万元`. Without a currency
 * it is `defaultCurrency`. Null unless it is a positive amount the shared `Money` schema accepts.
 */
export function parseMoney(input: string, defaultCurrency: string): { amount: number; currency: string } | null {
  const text = halfWidth(input).trim();
  const match = /^([^\d\s.,]*)\s*(\d[\d,\s]*(?:\.\d+)?)\s*(k|m|千|万|百万|亿)?\s*([^\d\s.,]*)$/i.exec(text);
  if (!match) return null;
  const [, before = '', digits = '', multiplier = '', after = ''] = match;
  const prefix = currencyOf(before);
  const suffix = currencyOf(after);
  if ((before && !prefix) || (after && !suffix) || (prefix && suffix && prefix !== suffix)) return null;
  const amount = Math.round(Number(digits.replace(/[,\s]/g, '')) * (MULTIPLIERS[multiplier.toLowerCase()] ?? 1) * 100) / 100;
  if (!Number.isFinite(amount) || amount <= 0) return null;
  const parsed = Money.safeParse({ amount, currency: prefix ?? suffix ?? defaultCurrency });
  return parsed.success ? parsed.data : null;
}

export type DeadlineResult = { ok: true; iso: string } | { ok: false; problem: 'unreadable' | 'past' | 'too-far' };

/** True for an amount that reads as zero or negative (`0`, `-5`, `0 CNY`): "must be more than 0", not "unreadable". */
export function isNotPositiveAmount(input: string): boolean {
  const text = halfWidth(input).trim();
  if (/^[-−]\s*\D{0,4}\s*\d/.test(text)) return true;
  const number = /(\d[\d,\s]*(?:\.\d+)?)/.exec(text);
  return number !== null && Number(number[1]!.replace(/[,\s]/g, '')) === 0;
}

/** Days ahead that words name: tomorrow, 明天, the day after. */
const RELATIVE_DAYS: Record<string, number> = { tomorrow: 1, 明天: 1, 明日: 1, 'day after tomorrow': 2, 后天: 2, 後天: 2 };
/** Number words for short spans: `in two weeks`. */
const NUMBER_WORDS: Record<string, string> = { a: '1', an: '1', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', eight: '8', ten: '10', twelve: '12', 一: '1', 两: '2', 二: '2', 三: '3', 四: '4', 六: '6' };

function addMonths(from: Date, months: number): Date {
  const d = new Date(from);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/**
 * A deadline: a date (`2026-12-31`, `2026/12/31`, `2026年12月31日`; the end of that day in `timeZone`, the
 * poster's), a day named in words (`tomorrow`, `明天`, `后天`; the end of it there too) or a span from `now`
 * (`in 30 days`, `in two weeks`, `8 weeks`, `3 months`, `30天后`, `30天`, `2周`, `3个月`). It must lie in
 * the future and within five years.
 */
export function parseDeadline(input: string, now: Date, timeZone = 'UTC'): DeadlineResult {
  const text = halfWidth(input)
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^(in )?(a|an|one|two|three|four|five|six|eight|ten|twelve) /, (_, lead = '', word: string) => `${lead}${NUMBER_WORDS[word]} `)
    .replace(/^([一两二三四六])(?=个?(天|周|週|星期|个月|個月|月))/, (word: string) => NUMBER_WORDS[word]!);
  let at: Date | null = null;
  const date = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const check = new Date(Date.UTC(y, m - 1, d));
    if (check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d) at = endOfDayIn(y, m, d, timeZone);
  }
  const ahead = RELATIVE_DAYS[text];
  if (ahead !== undefined) {
    const today = dateIn(now, timeZone);
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + ahead));
    at = endOfDayIn(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), timeZone);
  }
  const english = /^(?:in )?(\d{1,4}) ?(d|days?|w|wks?|weeks?|mo|mos|months?)(?: from now)?$/.exec(text);
  const chinese = /^(\d{1,4}) ?个?(天|日|周|週|星期|个月|個月|月)(?:后|以后|之后|後)?$/.exec(text);
  const span = english ?? chinese;
  if (span) {
    const n = Number(span[1]);
    const unit = span[2]!;
    if (/^(d|days?|天|日)$/.test(unit)) at = new Date(now.getTime() + n * DAY_MS);
    else if (/^(w|wks?|weeks?|周|週|星期)$/.test(unit)) at = new Date(now.getTime() + n * 7 * DAY_MS);
    else at = addMonths(now, n);
  }
  if (!at) return { ok: false, problem: 'unreadable' };
  if (at.getTime() <= now.getTime()) return { ok: false, problem: 'past' };
  if (at.getTime() - now.getTime() > MAX_DEADLINE_MS) return { ok: false, problem: 'too-far' };
  return { ok: true, iso: at.toISOString() };
}

/** A whole number of weeks, 1–520: `12`, `12 weeks`, `12周`. */
export function parseWeeks(input: string): number | null {
  const match = /^(\d{1,3}) ?(w|wks?|weeks?|周|週|星期)?$/.exec(halfWidth(input).trim().toLowerCase());
  const weeks = match ? Number(match[1]) : NaN;
  return Number.isInteger(weeks) && weeks >= 1 && weeks <= 520 ? weeks : null;
}

/** Typed keywords: split on commas (either language's), semicolons or new lines, trimmed, without repeats. */
export function splitKeywords(input: string): string[] {
  return [...new Set(input.split(/[,，、;；\n]+/).map((w) => w.trim()).filter(Boolean))];
}

/** The field a `#tag` names: its id, or its label in either language (spaces as dashes). */
export function fieldFromTag(tag: string): FieldId | null {
  const wanted = tag.replace(/^#/, '').trim().toLowerCase();
  const simplify = (label: string) => label.toLowerCase().replace(/&/g, 'and').replace(/\s+/g, '-');
  const field = FIELDS.find((f) => f.id === wanted || f.zh === wanted || simplify(f.en) === wanted);
  return field?.id ?? null;
}

export type SubscribeArgs =
  | { ok: true; keywords: string; fields: FieldId[]; minReward: number | null }
  | { ok: false; problem: 'empty' }
  | { ok: false; problem: 'unknown-field'; tag: string };

/**
 * The words after /subscribe: `#field` tags pick fields, `min:50000` (or `>=50000`, `≥5万`, `最低5万`) a
 * minimum reward, and everything else is the keywords.
 */
export function parseSubscribeArgs(input: string): SubscribeArgs {
  const keywords: string[] = [];
  const fields: FieldId[] = [];
  let minReward: number | null = null;
  for (const token of halfWidth(input).trim().split(/\s+/).filter(Boolean)) {
    if (token.startsWith('#')) {
      const field = fieldFromTag(token);
      if (!field) return { ok: false, problem: 'unknown-field', tag: token };
      if (!fields.includes(field)) fields.push(field);
      continue;
    }
    const min = /^(?:min[:=]?|>=|≥|最低[:：]?)(.+)$/i.exec(token);
    const amount = min ? parseMoney(min[1]!, 'CNY') : null;
    if (amount) {
      minReward = amount.amount;
      continue;
    }
    keywords.push(token);
  }
  if (keywords.length === 0 && fields.length === 0) return { ok: false, problem: 'empty' };
  return { ok: true, keywords: keywords.join(' '), fields, minReward };
}
