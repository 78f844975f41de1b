import type { Locale, Money } from '../../shared/schemas/common.js';
import { languageTag } from './locale.js';
import type { Messages } from './messages.js';

/**
 * Times on the board are shown in China Standard Time and say so: the page is rendered on the server,
 * which cannot know the visitor's zone, and the exchange's deadlines are set in Beijing time.
 */
const BOARD_TIME_ZONE = 'Asia/Shanghai';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** An amount in its own currency, the way the locale writes it (`CN¥800,000` and `$90,000` in English, `¥800,000` and `US$90,000` in Chinese). */
export function formatMoney(money: Money, locale: Locale): string {
  const whole = Number.isInteger(money.amount);
  return new Intl.NumberFormat(languageTag(locale), {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(money.amount);
}

/** A calendar date (`Mar 12, 2026`, `2026年3月12日`). */
export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(languageTag(locale), { dateStyle: 'medium', timeZone: BOARD_TIME_ZONE }).format(new Date(iso));
}

/** A date and time with its zone, for deadlines (`Mar 12, 2026, 6:00 PM GMT+8`, `2026年3月12日 GMT+8 18:00`). */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(languageTag(locale), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: BOARD_TIME_ZONE,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** Time left as words, and whether it is short. */
export interface Countdown {
  text: string;
  /** Less than a day to go: worth drawing the eye to. */
  urgent: boolean;
}

/** Time left until `deadline`, in whole days, then whole hours in the last day. */
export function countdown(deadline: string, now: Date, t: Messages): Countdown {
  const left = Date.parse(deadline) - now.getTime();
  if (left <= 0) return { text: t.countdown.passed, urgent: false };
  if (left >= DAY_MS) return { text: t.countdown.days(Math.floor(left / DAY_MS)), urgent: false };
  if (left >= HOUR_MS) return { text: t.countdown.hours(Math.floor(left / HOUR_MS)), urgent: true };
  return { text: t.countdown.underAnHour, urgent: true };
}

const HAN = /\p{Script=Han}/u;

/**
 * The language a piece of user content is written in, as far as typography cares: Chinese when it has
 * Han characters. Marking it lets browsers pick Chinese glyphs and line breaking inside an English page.
 */
export function contentLanguage(text: string): 'zh' | 'en' {
  return HAN.test(text) ? 'zh' : 'en';
}
