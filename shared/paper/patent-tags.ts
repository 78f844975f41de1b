import type { PatentDetails } from '../schemas/paper.js';
import { dublinCore, metaValues, metaValuesOf, type Page } from './page.js';
import { isoDate } from './sites/dom.js';

/**
 * The patent a page describes with the metadata patent databases embed, on any site: Highwire's
 * `citation_patent_publication_number`, `citation_patent_number` and `citation_patent_application_number`,
 * or Dublin Core typing the page a patent (`DC.type` "Patent") with the number as its `DC.identifier`.
 * Null when the page names no patent number, so an article that merely cites a patent stays an article.
 */
export function pagePatent(page: Page): PatentDetails | null {
  const applicationNumber = officeNumber(metaValues(page, 'citation_patent_application_number')[0] ?? '');
  const dublinCorePatent = metaValuesOf(page, dublinCore('type')).some((type) => /\bpatent\b|专利/i.test(type));
  const number =
    officeNumber(metaValuesOf(page, ['citation_patent_publication_number', 'citation_patent_number'])[0] ?? '') ||
    (dublinCorePatent ? officeNumber(metaValuesOf(page, dublinCore('identifier')).find((id) => PATENT_LIKE.test(officeNumber(id))) ?? '') : '') ||
    applicationNumber;
  if (!number) return null;
  return {
    number,
    applicationNumber: applicationNumber || null,
    applicants: [],
    filingDate: null,
    publicationDate: isoDate(metaValuesOf(page, ['citation_publication_date', 'citation_date'])[0] ?? ''),
  };
}

/** Two office letters and a number: how every patent office's numbers start (CN, US, EP, WO, JP…). */
const PATENT_LIKE = /^[A-Z]{2}\d/;

/** Google's "US:14/123,456" form as the office writes it: "US14/123,456". */
function officeNumber(text: string): string {
  return text.replace(/^([A-Z]{2}):\s*/i, '$1').trim();
}
