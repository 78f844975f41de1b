import type { Locale, Money } from './schemas/common.js';

/**
 * How money, the language tag and the deadline countdown read, the same on the board, in the Telegram bot
 * and in the browser extension: a reader who meets a challenge in two places sees the same words. Only
 * `Intl` is used, so this runs in the browser as well as on the server. (Dates stay with each channel:
 * the board writes them in Beijing time, the bot in UTC, the extension in the reader's own zone.)
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * The BCP 47 tag of `locale`, for `Intl` formatters and for the document's language (`<html lang>`,
 * `Content-Language`): `en-GB` for English, `zh-CN` for Chinese.
 *
 * British rather than US English, for three reasons. Money: the exchange mixes currencies and `en-GB`
 * writes US dollars as `US$`, where `en` writes a bare `$` that a Chinese or Australian reader cannot
 * place (`zh-CN` writes `US$` too, so both languages name the currency). Dates: day before month and a
 * 24-hour clock (`12 Mar 2026, 18:00`) cannot be misread by readers used to either order, nor across the
 * noon/midnight boundary. And the catalogues are written in British spelling ("licence").
 */
export function intlLocale(locale: Locale): string {
  return locale === 'zh' ? 'zh-CN' : 'en-GB';
}

/**
 * An amount in its own currency, the way the locale writes it: `CN¥500,000` and `US$80,000.50` in
 * English, `¥500,000` and `US$80,000.50` in Chinese. Whole amounts have no decimals, others exactly two
 * (money is stored to the cent). A well-formed code `Intl` has no symbol for is written before the
 * amount (`XYZ 1,000`); a code `Intl` rejects outright — one that skipped validation — is written after
 * the number (`1,000 EURO`) rather than failing the whole message or page.
 */
export function formatMoney({ amount, currency }: Money, locale: Locale): string {
  const digits = Number.isInteger(amount) ? 0 : 2;
  const format = cachedFormatter(`money ${locale} ${currency} ${digits}`, () => {
    const options: Intl.NumberFormatOptions = { minimumFractionDigits: digits, maximumFractionDigits: digits };
    try {
      const money = new Intl.NumberFormat(intlLocale(locale), { ...options, style: 'currency', currency });
      return (value: number) => money.format(value);
    } catch {
      const plain = new Intl.NumberFormat(intlLocale(locale), options);
      return (value: number) => `${plain.format(value)} ${currency}`;
    }
  });
  return format(amount);
}

/** Past this many formatters the memo starts over, so odd currency codes cannot grow it without bound. */
const MAX_FORMATTERS = 256;
const formatters = new Map<string, unknown>();

/**
 * The formatter `make` builds for `key`, built once and reused. Building an `Intl` formatter costs about
 * 40× using one (≈140 µs against ≈3 µs), and a page formats dozens of dates and amounts; formatters are
 * immutable, so one per locale, zone and options serves every caller. `key` must name everything `make`
 * depends on (locale, zone, options).
 */
export function cachedFormatter<F>(key: string, make: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (formatter === undefined) {
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Time left before a deadline, as words and as the two states channels draw differently. */
export interface Countdown {
  /** A fragment to put after a label or a date: "3 days left", "剩余 5 小时", "deadline passed". */
  text: string;
  /** Less than 24 hours to go, the window in which followers get the deadline reminder. Never when `over`. */
  urgent: boolean;
  /** The deadline has passed (or cannot be read): the challenge takes no more bids. */
  over: boolean;
}

/** The countdown's words in one language; `Record<Locale, …>` below makes both languages complete. */
interface CountdownWords {
  minutes: (n: number) => string;
  hours: (n: number) => string;
  days: (n: number) => string;
  /**
   * Once the deadline has passed. It speaks of the deadline, not of the challenge: "closed" is a status,
   * which each channel labels itself, and an enterprise can close a challenge before its deadline.
   */
  over: string;
}

const english = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many} left`;

const COUNTDOWN_WORDS: Record<Locale, CountdownWords> = {
  en: {
    minutes: (n) => english(n, 'minute', 'minutes'),
    hours: (n) => english(n, 'hour', 'hours'),
    days: (n) => english(n, 'day', 'days'),
    over: 'deadline passed',
  },
  zh: {
    minutes: (n) => `剩余 ${n} 分钟`,
    hours: (n) => `剩余 ${n} 小时`,
    days: (n) => `剩余 ${n} 天`,
    over: '已截止',
  },
};

/**
 * How long until `deadline` (an ISO date-time) as of `now`, in the one unit that reads naturally:
 *
 * - passed, or unreadable → `over`;
 * - under an hour → whole minutes, at least 1 (a challenge still open never reads "0 minutes left");
 * - under two days → whole hours: a count of days would round 47 hours down to "1 day";
 * - otherwise → whole days.
 *
 * Every count is rounded down, so it never promises more time than is left. `urgent` is the last 24
 * hours, when savers and bidders also get the deadline reminder.
 */
export function countdown(deadline: string, now: Date, locale: Locale): Countdown {
  const words = COUNTDOWN_WORDS[locale];
  const left = Date.parse(deadline) - now.getTime();
  if (!(left > 0)) return { text: words.over, urgent: false, over: true };
  const urgent = left < DAY_MS;
  if (left < HOUR_MS) return { text: words.minutes(Math.max(1, Math.floor(left / MINUTE_MS))), urgent, over: false };
  if (left < 2 * DAY_MS) return { text: words.hours(Math.floor(left / HOUR_MS)), urgent, over: false };
  return { text: words.days(Math.floor(left / DAY_MS)), urgent, over: false };
}
