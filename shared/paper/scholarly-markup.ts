import { normalizeDoi } from '../paper-identity.js';
import { dublinCore, metaValuesOf, type Page } from './page.js';

/** The signals that make a page a paper rather than an ordinary web page. */

/** Whether the page carries metadata only scholarly records have (see `extractPaper` for the rule). */
export function hasScholarlyMarkup(page: Page): boolean {
  const keys = [...page.meta.keys()];
  if (keys.some((key) => key.startsWith('citation_') || key.startsWith('prism.'))) return true;
  return page.articleIsScholarly || hasBibliographicDublinCore(page);
}

/** DC keys only a bibliographic record has: Google Scholar's journal fields for Dublin Core. */
const BIBLIOGRAPHIC_DC_KEY = /^(?:dc|dcterms)\.(?:citation\.|bibliographiccitation$|relation\.ispartof$|ispartof$)/;

function hasBibliographicDublinCore(page: Page): boolean {
  const creators = metaValuesOf(page, dublinCore('creator', 'contributor', 'contributor.author'));
  const identifiers = metaValuesOf(page, dublinCore('identifier', 'identifier.doi', 'identifier.uri'));
  const citesContainer = [...page.meta.keys()].some((key) => BIBLIOGRAPHIC_DC_KEY.test(key));
  return creators.length > 0 && (citesContainer || identifiers.some(isBibliographicIdentifier));
}

/** A DOI, handle, URN, ISBN or similar — anything but the address of a web page. */
function isBibliographicIdentifier(identifier: string): boolean {
  if (normalizeDoi(identifier) || /hdl\.handle\.net\//i.test(identifier)) return true;
  return !/^(?:https?:\/\/|www\.)/i.test(identifier) && /\d/.test(identifier);
}
