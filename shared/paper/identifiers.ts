import { normalizeArxivId, normalizeDoi } from '../paper-identity.js';
import { articleIdentifiers } from './json-ld.js';
import { dublinCore, metaValues, metaValuesOf, type Page } from './page.js';
import { absoluteHttpUrl, firstOf, parsedUrl, percentDecoded } from './text.js';

/** DOIs, arXiv ids and PDF links as a page states them or its addresses carry them. */

const DOI_META_KEYS = ['citation_doi', 'doi', 'prism.doi', ...dublinCore('identifier.doi', 'identifier')];

/**
 * The DOI the page's metadata states, else one in its address, canonical link or `og:url`: without resolver
 * or scheme prefix, and in the capitals the page writes it (DOIs compare without case; people read them as
 * published, such as eLife's 10.7554/eLife.09560).
 */
export function pageDoi(page: Page): string | null {
  const stated = [...metaValuesOf(page, DOI_META_KEYS), ...articleIdentifiers(page)];
  const fromMetadata = firstOf(stated, (text) => asWritten(normalizeDoi(text) ?? doiInUrl(text), text));
  if (fromMetadata) return fromMetadata;
  const addresses = [page.url?.href ?? '', ...page.alternateUrls];
  return firstOf(addresses, (text) => asWritten(doiInUrl(text), text));
}

/**
 * The DOI in `input` as `normalizeDoi` finds it, but in the capitals `input` writes it; null when there is
 * none. What the library stores, so a clip keeps the DOI as its publisher prints it.
 */
export function publishedDoi(input: string): string | null {
  return asWritten(normalizeDoi(input), input);
}

/** `doi` (lower-cased by `normalizeDoi`) spelled as `source` writes it, or as it is when `source` hides it. */
function asWritten(doi: string | null, source: string): string | null {
  if (!doi) return null;
  const written = percentDecoded(source);
  const at = written.toLowerCase().indexOf(doi);
  const spelled = at < 0 ? null : written.slice(at, at + doi.length);
  return spelled?.toLowerCase() === doi ? spelled : doi;
}

const DOI_IN_PATH = /\/(10\.\d{4,9}(?:\.\d+)*\/[^?#]+)/;
const VIEW_SUFFIX_SEGMENT =
  /\/(?:full|abstract|pdf|epdf|pdfdirect|meta|fulltext|figures|references|html|summary|citedby|suppl|info)\/?$/i;
const VIEW_SUFFIX_EXTENSION =
  /\.(?:full|abstract|short|long|pdf|html?|epub|xml|full-text|article-info|article-metrics|supplementary-material)$/i;
const PREPRINT_VERSION = /^(10\.1101\/\d{4}\.\d{2}\.\d{2}\.\d+)v\d+$/i;

/**
 * The DOI a URL carries: a resolver address, a path segment from `10.<registrant>/` on (with trailing
 * view segments such as `/full` or `.full.pdf` and a bioRxiv/medRxiv version dropped), or a `doi=` query
 * parameter.
 */
function doiInUrl(text: string): string | null {
  const url = parsedUrl(text.trim());
  if (!url) return null;
  if (/(?:^|\.)doi\.org$/i.test(url.hostname)) return normalizeDoi(url.href);
  const inPath = DOI_IN_PATH.exec(percentDecoded(url.pathname))?.[1];
  if (inPath) {
    let candidate = inPath;
    for (let previous = ''; previous !== candidate; ) {
      previous = candidate;
      candidate = candidate.replace(/\/+$/, '').replace(VIEW_SUFFIX_SEGMENT, '').replace(VIEW_SUFFIX_EXTENSION, '');
    }
    const doi = normalizeDoi(candidate);
    if (doi) return doi.replace(PREPRINT_VERSION, '$1');
  }
  for (const [name, value] of url.searchParams) {
    if (name.toLowerCase() === 'doi') return normalizeDoi(value);
  }
  return null;
}

/** The arXiv id the page states or its address carries, without version; null elsewhere. */
export function pageArxivId(page: Page, doi: string | null): string | null {
  const stated = metaValues(page, 'citation_arxiv_id');
  const mentioned = [...metaValuesOf(page, dublinCore('identifier')), ...articleIdentifiers(page)].filter((text) =>
    /arxiv/i.test(text),
  );
  const addresses = [page.url?.href ?? '', ...page.alternateUrls, ...metaValues(page, 'citation_pdf_url')].filter(
    (text) => /ar(?:xiv|5iv)\.org\//i.test(text),
  );
  return firstOf([...stated, ...mentioned, ...addresses, doi ?? ''], normalizeArxivId);
}

/** The PDF's absolute address: `citation_pdf_url`, a PDF alternate link, else arXiv's PDF for an arXiv id. */
export function pagePdfUrl(page: Page, arxivId: string | null): string | null {
  const links = [...metaValues(page, 'citation_pdf_url'), ...page.pdfLinks];
  const stated = firstOf(links, (href) => absoluteHttpUrl(href, page.url));
  return stated ?? (arxivId ? `https://arxiv.org/pdf/${arxivId}` : null);
}
