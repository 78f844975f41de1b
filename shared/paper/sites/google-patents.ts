import type { Paper } from '../../schemas/paper.js';
import { cleanedAbstract, fullerAbstract } from '../abstract.js';
import { assembledPaper } from '../assemble.js';
import { authorsFromNames } from '../authors.js';
import { absoluteHttpUrl, collapsedText } from '../text.js';
import { isoDate, textAt } from './dom.js';
import type { SiteAdapter } from './site.js';

const GOOGLE_PATENTS_HOST = /^patents\.google\.com$/i;
const PATENT_PATH = /^\/patent\/([A-Z]{2}[A-Z0-9]+)/i;

/**
 * Google Patents pages (`patents.google.com/patent/<publication number>/…`) as a patent clip: the title
 * and abstract from Dublin Core (the body's abstract when the description is cut short), the publication
 * number from the address (else `citation_patent_publication_number`/`citation_patent_number`), the
 * application number from `citation_patent_application_number`, inventors (the authors) and applicants
 * from `DC.contributor` by scheme, the filing date from `DC.date` scheme `dateSubmitted`, the publication
 * date from the page's publication-date field (else the issue date), and `citation_pdf_url`.
 */
export const googlePatents: SiteAdapter = {
  name: 'Google Patents',
  matches: (url) => GOOGLE_PATENTS_HOST.test(url.hostname) && PATENT_PATH.test(url.pathname),
  extract: googlePatent,
};

function googlePatent(document: Document, url: URL): Paper | null {
  const meta = (name: string, scheme?: string) =>
    [...document.querySelectorAll('meta')]
      .filter((tag) => (tag.getAttribute('name') ?? '').toLowerCase() === name.toLowerCase())
      .filter((tag) => scheme === undefined || (tag.getAttribute('scheme') ?? '').toLowerCase() === scheme.toLowerCase())
      .map((tag) => collapsedText(tag.getAttribute('content') ?? ''))
      .filter((value) => value !== '');
  const title = meta('DC.title')[0] ?? '';
  const number =
    PATENT_PATH.exec(url.pathname)?.[1]?.toUpperCase() ??
    officeNumber(meta('citation_patent_publication_number')[0] ?? meta('citation_patent_number')[0] ?? '');
  if (!title || !number) return null;
  const published = document.querySelector('[itemprop="publicationDate"]');
  const publicationDate =
    isoDate(published?.getAttribute('datetime') ?? published?.textContent ?? '') ?? isoDate(meta('DC.date', 'issue')[0] ?? '');
  const bodyAbstract = cleanedAbstract(textAt(document, 'section[itemprop="abstract"] .abstract, .abstract'));
  return assembledPaper(url.href, {
    kind: 'patent',
    title,
    authors: authorsFromNames(meta('DC.contributor', 'inventor')),
    year: publicationDate ? Number(publicationDate.slice(0, 4)) : null,
    abstract: fullerAbstract(cleanedAbstract(meta('DC.description')[0] ?? ''), bodyAbstract),
    pdfUrl: absoluteHttpUrl(meta('citation_pdf_url')[0] ?? '', url),
    patent: {
      number,
      applicationNumber: officeNumber(meta('citation_patent_application_number')[0] ?? '') || null,
      applicants: meta('DC.contributor', 'assignee'),
      filingDate: isoDate(meta('DC.date', 'dateSubmitted')[0] ?? ''),
      publicationDate,
    },
  });
}

/** Google's "US:14/123,456" form as the office writes it: "US14/123,456". */
function officeNumber(text: string): string {
  return text.replace(/^([A-Z]{2}):\s*/i, '$1').trim();
}
