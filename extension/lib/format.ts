import type { Locale, Money } from '../../shared/schemas/common.js';
import type { Author, Paper } from '../../shared/schemas/paper.js';
import { intlLocale, type Catalogue } from './i18n.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long until `deadline`, as a person glances at it: minutes in the last hour, hours and minutes in the
 * last two days, whole days before that, "Closed" once it has passed. `urgent` marks the last two days.
 */
export function countdown(deadline: string, now: Date, t: Catalogue): { label: string; urgent: boolean; over: boolean } {
  const left = new Date(deadline).getTime() - now.getTime();
  if (!(left > 0)) return { label: t.closed, urgent: false, over: true };
  if (left < HOUR) return { label: t.minutesLeft(Math.max(1, Math.floor(left / MINUTE))), urgent: true, over: false };
  if (left < 2 * DAY) {
    const hours = Math.floor(left / HOUR);
    return { label: t.hoursLeft(hours, Math.floor((left - hours * HOUR) / MINUTE)), urgent: true, over: false };
  }
  return { label: t.daysLeft(Math.floor(left / DAY)), urgent: false, over: false };
}

/** An amount in its currency (`CN¥500,000`, `US$12,000.50`); an unknown currency code is printed after the number. */
export function money({ amount, currency }: Money, locale: Locale): string {
  try {
    return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency, minimumFractionDigits: Number.isInteger(amount) ? 0 : 2, maximumFractionDigits: 2 }).format(amount);
  } catch {
    return `${amount.toLocaleString(intlLocale(locale))} ${currency}`;
  }
}

/** A date and time in the reader's language. */
export function dateTime(iso: string, locale: Locale): string {
  return new Date(iso).toLocaleString(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' });
}

/** A calendar date in the reader's language. */
export function date(iso: string, locale: Locale): string {
  return new Date(iso).toLocaleDateString(intlLocale(locale), { dateStyle: 'medium' });
}

/** "Curie, Smith, Zhang et al." — family names of the first three authors. */
export function authorLine(authors: readonly Author[], t: Catalogue): string {
  const names = authors.slice(0, 3).map((author) => author.family || author.given);
  return authors.length > 3 ? `${names.join(', ')} ${t.etAl}` : names.join(', ');
}

/** "Nature Materials · 2021 · doi:10.1038/…" — where and when a paper appeared and how to find it. */
export function paperDetail(paper: Pick<Paper, 'venue' | 'year' | 'doi' | 'arxivId'>): string {
  const identifier = paper.doi ? `doi:${paper.doi}` : paper.arxivId ? `arXiv:${paper.arxivId}` : null;
  return [paper.venue, paper.year, identifier].filter((part) => part !== null && part !== '').join(' · ');
}
