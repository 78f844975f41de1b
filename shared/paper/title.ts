import { normalizeArxivId } from '../paper-identity.js';
import { articleTitle } from './json-ld.js';
import { dublinCore, metaValues, metaValuesOf, type Page } from './page.js';
import { collapsedText, firstOf, withEntitiesDecoded, withoutMarkup } from './text.js';

/** The paper's title, and what of a page title is certainly the site's name rather than the paper's. */

/** The paper's title: stated metadata first, then social tags and the page's `<title>` without the site's name. */
export function pageTitle(page: Page): string | null {
  const stated = [
    ...metaValuesOf(page, ['citation_title', ...dublinCore('title'), 'prism.title']),
    articleTitle(page) ?? '',
  ];
  const social = metaValuesOf(page, ['og:title', 'twitter:title']).map((title) => withoutSiteName(title, page));
  return firstOf([...stated, ...social, withoutSiteName(page.documentTitle, page)], cleanedTitle);
}

function cleanedTitle(text: string): string | null {
  return collapsedText(withoutMarkup(withEntitiesDecoded(text))) || null;
}

const TITLE_SEPARATOR = /(\s+(?:\||-|–|—|::|·)\s+)/;
const GENERIC_HOST_LABELS = new Set(['www', 'com', 'org', 'net', 'edu', 'gov', 'ac', 'co', 'cn', 'uk', 'de', 'jp']);

interface SiteNames {
  siteName: string;
  host: string;
  hostLabels: string[];
}

/**
 * A page or social title without what is certainly not the paper's title: arXiv's `[2101.00001] ` prefix,
 * and leading or trailing segments (split on ` | `, ` - `, ` — `…) that name the site — equal to
 * `og:site_name` or to the host, or containing a word of the host name ("Nature" on nature.com, "Wiley
 * Online Library" on onlinelibrary.wiley.com). Anything less certain is left in place.
 */
function withoutSiteName(pageTitle: string, page: Page): string {
  const title = collapsedText(pageTitle).replace(/^\[([^\]]+)\]\s+/, (prefix, id: string) =>
    normalizeArxivId(id) ? '' : prefix,
  );
  const parts = title.split(TITLE_SEPARATOR);
  const names = siteNames(page);
  while (parts.length > 2 && namesSite(parts[parts.length - 1] ?? '', names)) parts.splice(-2, 2);
  while (parts.length > 2 && namesSite(parts[0] ?? '', names)) parts.splice(0, 2);
  return parts.join('');
}

function siteNames(page: Page): SiteNames {
  const host = (page.url?.hostname ?? '').toLowerCase().replace(/^www\./, '');
  return {
    siteName: compactWord(metaValues(page, 'og:site_name')[0] ?? ''),
    host: compactWord(host),
    hostLabels: host.split('.').filter((label) => label.length >= 3 && !GENERIC_HOST_LABELS.has(label)),
  };
}

function namesSite(segment: string, names: SiteNames): boolean {
  const compact = compactWord(segment);
  if (!compact) return false;
  if (compact === names.siteName || compact === names.host) return true;
  const words = segment.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return words.length <= 5 && names.hostLabels.some((label) => words.includes(label));
}

function compactWord(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}
