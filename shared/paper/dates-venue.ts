import { normalizeDoi } from '../paper-identity.js';
import { articleContainerName, articleField, articlePublisherName, jsonText } from './json-ld.js';
import { dublinCore, metaValues, metaValuesOf, type Page } from './page.js';
import { collapsedText, firstOf, withEntitiesDecoded, withoutMarkup } from './text.js';

/** Years and venues: where a paper appeared and when, from dates and container names as publishers write them. */

const DATE_META_KEYS = [
  'citation_publication_date',
  'citation_date',
  'citation_cover_date',
  'citation_year',
  'citation_online_date',
  ...dublinCore('date.issued', 'issued', 'date', 'created', 'date.created'),
  'prism.publicationdate',
  'prism.coverdate',
  'prism.coverdisplaydate',
];

/** The year of publication from the first date tag that holds a plausible one, else the arXiv id's year. */
export function pageYear(page: Page, arxivId: string | null): number | null {
  const dates = [
    ...metaValuesOf(page, DATE_META_KEYS),
    ...articleField(page, 'datePublished', 'dateCreated').map((value) => jsonText(value) ?? ''),
    ...metaValues(page, 'article:published_time'),
    ...page.microdataDates(),
  ];
  return firstOf(dates, yearOf) ?? (arxivId ? arxivYear(arxivId) : null);
}

const EARLIEST_YEAR = 1600;
const YEARS_AHEAD_ALLOWED = 2;

/**
 * The year in a date as publishers write it (`2017/06/12`, `2012 Nov 26`, `Dec 20, 2006`, `2021/08`,
 * `2019-05-03T10:00:00Z`, `20 May 2015`, `20150520`, `2015`): the first standalone four-digit number
 * between 1600 and two years from now. Two-digit years are ambiguous and give null.
 */
export function yearOf(date: string): number | null {
  const text = date.trim();
  const candidates = /^\d{8}$/.test(text)
    ? [text.slice(0, 4)]
    : [...text.matchAll(/(?<!\d)\d{4}(?!\d)/g)].map((match) => match[0]);
  const latest = new Date().getFullYear() + YEARS_AHEAD_ALLOWED;
  return candidates.map(Number).find((year) => year >= EARLIEST_YEAR && year <= latest) ?? null;
}

/** An arXiv id starts with the year and month of submission (`2101.…` → 2021, `hep-th/99…` → 1999). */
function arxivYear(arxivId: string): number {
  const yy = Number((arxivId.split('/').pop() ?? '').slice(0, 2));
  return yy >= 91 ? 1900 + yy : 2000 + yy;
}

// PRISM's publication name before Dublin Core's source: Nature's news pages write `dc.source` as a citation
// ("Nature 2020") and `prism.publicationName` as the journal ("Nature").
const VENUE_META_KEYS = [
  'citation_journal_title',
  'citation_conference_title',
  'citation_conference',
  'citation_inbook_title',
  'citation_book_title',
  'prism.publicationname',
  ...dublinCore('source', 'ispartof', 'relation.ispartof'),
];
const PUBLISHER_META_KEYS = ['citation_publisher', ...dublinCore('publisher')];
const MAX_VENUE_LENGTH = 300;

/**
 * The journal, proceedings or book the paper appeared in; else the site's name when the publisher's name
 * opens with it (eLife's pages name no journal, only "eLife Sciences Publications, Ltd" and the site "eLife");
 * the publisher only when nothing else is named.
 */
export function pageVenue(page: Page): string | null {
  const publishers = [...metaValuesOf(page, PUBLISHER_META_KEYS), articlePublisherName(page) ?? ''];
  const venues = [
    ...metaValuesOf(page, VENUE_META_KEYS),
    articleContainerName(page) ?? '',
    ...metaValues(page, 'citation_journal_abbrev'),
    ...metaValues(page, 'og:site_name').filter((site) => publishers.some((publisher) => isBrandOf(site, publisher))),
    ...publishers,
  ];
  return firstOf(venues, cleanedVenue);
}

/** True when `publisher` is `site` and more ("eLife" of "eLife Sciences Publications Limited"). */
function isBrandOf(site: string, publisher: string): boolean {
  const brand = site.trim().toLowerCase();
  const owner = publisher.trim().toLowerCase();
  return brand.length >= 3 && owner.length > brand.length && owner.startsWith(`${brand} `);
}

/** A venue name; URLs, DOIs and over-long text in a venue tag are not one. */
function cleanedVenue(text: string): string | null {
  const venue = collapsedText(withoutMarkup(withEntitiesDecoded(text)));
  const isAddress = /^(?:https?:\/\/|www\.)/i.test(venue) || normalizeDoi(venue) !== null;
  return venue && venue.length <= MAX_VENUE_LENGTH && !isAddress ? venue : null;
}
