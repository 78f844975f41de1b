import { articleField, jsonText } from './json-ld.js';
import { dublinCore, metaValuesOf, type Page } from './page.js';
import { collapsedText, firstOf, withEntitiesDecoded, withoutMarkup } from './text.js';

export function pageAbstract(page: Page): string | null {
  const abstracts = [
    ...metaValuesOf(page, ['citation_abstract', ...dublinCore('abstract', 'description')]),
    ...articleField(page, 'abstract', 'description').map((value) => jsonText(value) ?? ''),
    ...metaValuesOf(page, ['og:description', 'twitter:description']),
  ];
  return firstOf(abstracts, cleanedAbstract);
}

const ABSTRACT_HEADING = /^\s*<((?:[a-z]+:)?(?:h[1-6]|title))\b[^>]*>\s*(?:abstract|summary)\s*<\/\1>/i;

/** The abstract's text, without a leading "Abstract" heading, whether marked up or written "Abstract: …". */
function cleanedAbstract(text: string): string | null {
  const body = withoutMarkup(withEntitiesDecoded(text).replace(ABSTRACT_HEADING, ''));
  return collapsedText(body).replace(/^(?:abstract|summary)\s*[:.]\s+/i, '') || null;
}
