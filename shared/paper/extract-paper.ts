import type { Paper } from '../schemas/paper.js';
import { pageAbstract } from './abstract.js';
import { assembledPaper } from './assemble.js';
import { pageAuthors } from './authors.js';
import { pageVenue, pageYear } from './dates-venue.js';
import { pageKeywords, pageTranslatedTitle, pageVolumeAndIssue } from './details.js';
import { pageArxivId, pageDoi, pagePdfUrl } from './identifiers.js';
import { readPage } from './page.js';
import { pagePatent } from './patent-tags.js';
import { hasScholarlyMarkup } from './scholarly-markup.js';
import { parsedUrl } from './text.js';
import { SITE_ADAPTERS } from './sites/index.js';
import { pageTitle } from './title.js';

/**
 * The paper described by a page, read by the site's own adapter where there is one (CNKI, Wanfang Data,
 * CQVIP, IEEE Xplore, Google Patents, CNIPA — see `sites/`, tried first, each falling through to the rules
 * below when it does not recognise the page), otherwise from the metadata publishers embed for reference
 * managers; null when the page is not a paper. Browser-safe: reads the DOM only through `querySelectorAll`,
 * `getAttribute`, `textContent` and `document.title`, so it runs the same in a content script and under
 * happy-dom. Never throws on malformed markup or JSON-LD.
 *
 * A page is a paper when it has a title (from any source, the page's `<title>` included) and at least one
 * scholarly signal (the exact rule):
 * - a non-empty Highwire `citation_*` (or bepress `bepress_citation_*`) or PRISM `prism.*` meta tag;
 * - Dublin Core naming a creator or contributor together with a bibliographic identifier (a DC identifier
 *   that is not a plain web address: a DOI, handle, URN, ISBN…) or a container citation (`DC.citation.*`,
 *   `DC.relation.isPartOf`, `DCTERMS.isPartOf`, `DCTERMS.bibliographicCitation`) — CMSs and government
 *   sites stamp `DC.creator`, `DC.title` and the page's own URL on ordinary pages, so a creator alone is not
 *   enough;
 * - a JSON-LD node typed ScholarlyArticle, MedicalScholarlyArticle, Report, Thesis or Chapter (a plain
 *   `Article` is not a signal: blog engines emit it for every post, though its data is used once the page
 *   is known to be a paper);
 * - a DOI in a meta tag, in the article's JSON-LD, or in the page's URL (a `doi.org` address, a path
 *   segment starting `10.<registrant>/` as in `/doi/10.1145/…` or `/article/10.1007/…`, or a `doi=` query
 *   parameter), its `<link rel="canonical">` or `og:url`;
 * - an arXiv id (`citation_arxiv_id`, an arXiv URL, or an arXiv identifier in the metadata).
 * `og:` tags alone (a blog post, a news page) are not a signal.
 *
 * Each field is taken from the first source that yields a usable value, in the order Highwire
 * `citation_*`, then Dublin Core and PRISM, then JSON-LD, then `og:`/`twitter:` tags, then the page's URL
 * and `<title>` (cleaned of a site name only where it certainly is one). The venue falls back to the
 * publisher only after every journal, conference and book title; the year falls back to the arXiv id's
 * month last. Authors come whole from one source (the first with any usable name), never merged across
 * sources, since sources spell the same people differently; a page with no author metadata at all may
 * still name them in a marked-up byline (`author-group` … `given-name`/`surname`). When a page repeats a
 * tag in several languages (`xml:lang`/`lang` on the meta tag, as bilingual Chinese journals do) the
 * unmarked tags win, then those in the document's language, then the first language given.
 *
 * `doi` is only a DOI the page states. On arXiv, with no journal DOI given, it stays null rather than
 * arXiv's DataCite DOI (`10.48550/arxiv.<id>`, which Zotero fills in): that DOI is a pure function of
 * `arxivId`, which already identifies the paper, and `paperIdentity` keys both forms as the same paper.
 * `pdfUrl` is `citation_pdf_url` (or a `<link rel="alternate" type="application/pdf">`) made absolute
 * against `url`, else `https://arxiv.org/pdf/<id>` when there is an arXiv id. `url` is `url` without its
 * fragment. `quote` and `note` are always null: the clipper fills them. Absent values are null, never "".
 * `keywords` (author keywords in every language given), `translatedTitle`, `volume` and `issue` appear
 * only when the page states them; the abstract printed in the body beats a teaser in the metadata. A page
 * that states a patent number (Highwire's patent tags, or Dublin Core typing it a patent) is a patent clip:
 * `kind: 'patent'` and its `patent` numbers, so offering it as a technology keeps the number.
 */
export function extractPaper(document: Document, url: string): Paper | null {
  const address = parsedUrl(url.trim());
  for (const site of address ? SITE_ADAPTERS : []) {
    if (!address || !site.matches(address)) continue;
    const paper = site.extract(document, address);
    if (paper) return paper;
  }
  return genericPaper(document, url);
}

function genericPaper(document: Document, url: string): Paper | null {
  const page = readPage(document, url);
  const doi = pageDoi(page);
  const arxivId = pageArxivId(page, doi);
  if (!doi && !arxivId && !hasScholarlyMarkup(page)) return null;
  const title = pageTitle(page);
  if (!title) return null;
  const patent = pagePatent(page);
  return assembledPaper(url, {
    ...(patent ? { kind: 'patent' as const, patent } : {}),
    title,
    authors: pageAuthors(page),
    doi,
    arxivId,
    year: pageYear(page, arxivId),
    venue: pageVenue(page),
    abstract: pageAbstract(page),
    pdfUrl: pagePdfUrl(page, arxivId),
    keywords: pageKeywords(page),
    translatedTitle: pageTranslatedTitle(page, title),
    ...pageVolumeAndIssue(page),
  });
}
