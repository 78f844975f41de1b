import { intlLocale } from '../../shared/format.js';
import type { Locale } from '../../shared/schemas/common.js';
import type { Author, Paper } from '../../shared/schemas/paper.js';
import type { Catalogue } from './i18n.js';

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
