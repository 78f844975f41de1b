import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPaper } from '../../shared/paper.js';
import { normalizeArxivId, normalizeDoi } from '../../shared/paper-identity.js';
import { Paper } from '../../shared/schemas/paper.js';

const windows: Window[] = [];

afterAll(async () => {
  await Promise.all(windows.map((window) => window.happyDOM.close()));
});

/** A document parsed from `html` the way a browser parses a page, with no scripts run and nothing fetched. */
function documentFrom(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true },
  });
  windows.push(window);
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

function extract(html: string, url = 'https://journal.example.org/article/42'): Paper | null {
  return extractPaper(documentFrom(html, url), url);
}

function pageWith(head: string, options: { title?: string; lang?: string } = {}): string {
  const title = options.title === undefined ? '' : `<title>${options.title}</title>`;
  const lang = options.lang ? ` lang="${options.lang}"` : '';
  return `<!DOCTYPE html><html${lang}><head>${title}${head}</head><body><p>Body text</p></body></html>`;
}

function meta(name: string, content: string): string {
  return `<meta name="${name}" content="${content.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
}

function jsonLd(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/papers/${name}`, import.meta.url), 'utf8');
}

/** The authors extracted from a Highwire page listing `names` as `citation_author` tags. */
function authorsOf(...names: string[]) {
  const head = [meta('citation_title', 'A title'), ...names.map((name) => meta('citation_author', name))].join('');
  return extract(pageWith(head))?.authors;
}

function yearOf(date: string): number | null | undefined {
  return extract(pageWith(meta('citation_title', 'A title') + meta('citation_publication_date', date)))?.year;
}

describe('extractPaper: Highwire citation_* tags', () => {
  it('reads every field and fills the rest with null', () => {
    const paper = extract(
      pageWith(
        [
          meta('citation_title', '  Deep   learning for\n protein folding '),
          meta('citation_author', 'Doe, Jane'),
          meta('citation_author', 'SMITH, JOHN'),
          meta('citation_author', 'Alan M. Turing'),
          meta('citation_doi', 'doi:10.1234/ABC.5678'),
          meta('citation_publication_date', '2017/06/12'),
          meta('citation_online_date', '2016/12/01'),
          meta('citation_journal_title', 'Journal of Examples'),
          meta('citation_publisher', 'Example Press'),
          meta('citation_abstract', 'We fold proteins.'),
          meta('citation_pdf_url', '/article/42.pdf'),
        ].join(''),
        { title: 'Deep learning for protein folding | Journal of Examples' },
      ),
      'https://journal.example.org/article/42#sec-2',
    );
    expect(paper).toEqual({
      url: 'https://journal.example.org/article/42',
      title: 'Deep learning for protein folding',
      authors: [
        { given: 'Jane', family: 'Doe' },
        { given: 'John', family: 'Smith' },
        { given: 'Alan M.', family: 'Turing' },
      ],
      doi: '10.1234/ABC.5678',
      arxivId: null,
      year: 2017,
      venue: 'Journal of Examples',
      abstract: 'We fold proteins.',
      pdfUrl: 'https://journal.example.org/article/42.pdf',
      quote: null,
      note: null,
    });
    expect(Paper.safeParse(paper).success).toBe(true);
  });

  it('splits citation_authors on semicolons', () => {
    const paper = extract(pageWith(meta('citation_title', 'T') + meta('citation_authors', 'Doe, Jane; Roe, Richard ;  Poe, Edgar A.;')));
    expect(paper?.authors).toEqual([
      { given: 'Jane', family: 'Doe' },
      { given: 'Richard', family: 'Roe' },
      { given: 'Edgar A.', family: 'Poe' },
    ]);
  });

  it('prefers citation_author to citation_authors', () => {
    const paper = extract(
      pageWith(meta('citation_title', 'T') + meta('citation_authors', 'Other, Person') + meta('citation_author', 'Doe, Jane')),
    );
    expect(paper?.authors).toEqual([{ given: 'Jane', family: 'Doe' }]);
  });

  it('reads tags by name or property in any case, trimmed, skipping empty ones', () => {
    const paper = extract(
      pageWith(
        '<META NAME="Citation_Title" CONTENT="">' +
          '<meta property="CITATION_TITLE" content="   Spaced   Out   ">' +
          '<meta name="citation_author" content="  ">' +
          '<meta property="citation_author" content=" Doe,   Jane ">' +
          '<meta name="CITATION_DOI" content=" 10.1234/xyz ">',
      ),
    );
    expect(paper?.title).toBe('Spaced Out');
    expect(paper?.authors).toEqual([{ given: 'Jane', family: 'Doe' }]);
    expect(paper?.doi).toBe('10.1234/xyz');
  });

  it('reads bepress_citation_* tags as Highwire', () => {
    const paper = extract(pageWith(meta('bepress_citation_title', 'A thesis') + meta('bepress_citation_author', 'Doe, Jane')));
    expect(paper?.title).toBe('A thesis');
    expect(paper?.authors).toEqual([{ given: 'Jane', family: 'Doe' }]);
  });

  it('takes the venue from the conference or book title, and the publisher only as a last resort', () => {
    const conference = extract(pageWith(meta('citation_title', 'T') + meta('citation_publisher', 'ACME') + meta('citation_conference_title', 'NeurIPS 2020')));
    const book = extract(pageWith(meta('citation_title', 'T') + meta('citation_publisher', 'ACME') + meta('citation_inbook_title', 'Handbook of Things')));
    const publisherOnly = extract(pageWith(meta('citation_title', 'T') + meta('citation_publisher', 'ACME')));
    expect(conference?.venue).toBe('NeurIPS 2020');
    expect(book?.venue).toBe('Handbook of Things');
    expect(publisherOnly?.venue).toBe('ACME');
  });

  it('prefers the publication date to the online date, and the year tag to the online date', () => {
    const withPublication = extract(pageWith(meta('citation_title', 'T') + meta('citation_online_date', '2019/12/30') + meta('citation_publication_date', '2020/01')));
    const withYear = extract(pageWith(meta('citation_title', 'T') + meta('citation_online_date', '2019/12/30') + meta('citation_year', '2020')));
    const onlineOnly = extract(pageWith(meta('citation_title', 'T') + meta('citation_online_date', '2019/12/30')));
    expect(withPublication?.year).toBe(2020);
    expect(withYear?.year).toBe(2020);
    expect(onlineOnly?.year).toBe(2019);
  });

  it('resolves a relative PDF link against the page URL and ignores non-http links', () => {
    const relative = extract(pageWith(meta('citation_title', 'T') + meta('citation_pdf_url', 'pdf/42.pdf')), 'https://j.example/vol/1/');
    const scripted = extract(pageWith(meta('citation_title', 'T') + meta('citation_pdf_url', 'javascript:void(0)')));
    expect(relative?.pdfUrl).toBe('https://j.example/vol/1/pdf/42.pdf');
    expect(scripted?.pdfUrl).toBeNull();
  });

  it('strips markup that publishers put escaped into titles and abstracts', () => {
    const paper = extract(
      pageWith(
        meta('citation_title', 'Growth of <i>E. coli</i> at 37 °C') +
          meta('citation_abstract', '<h3>Abstract</h3> <p>We grew <i>E. coli</i>.</p><p>It worked.</p>'),
      ),
    );
    expect(paper?.title).toBe('Growth of E. coli at 37 °C');
    expect(paper?.abstract).toBe('We grew E. coli. It worked.');
  });

  it('decodes character references left over from double escaping', () => {
    const paper = extract(
      pageWith(
        '<meta name="citation_title" content="Cats &amp;amp; dogs">' +
          '<meta name="citation_abstract" content="&amp;lt;p&amp;gt;Identity (&amp;gt;99%) &amp;#8212; high.&amp;lt;/p&amp;gt;">',
      ),
    );
    expect(paper?.title).toBe('Cats & dogs');
    expect(paper?.abstract).toBe('Identity (>99%) \u2014 high.');
  });

  it('drops an "Abstract:" label from the abstract', () => {
    const paper = extract(pageWith(meta('citation_title', 'T') + meta('citation_abstract', 'Abstract: Results follow.')));
    expect(paper?.abstract).toBe('Results follow.');
  });
});

describe('extractPaper: Dublin Core', () => {
  it('reads mixed-case DC tags, a doi:-prefixed identifier and DC terms', () => {
    const paper = extract(
      pageWith(
        [
          meta('DC.Title', 'Dublin Core paper'),
          meta('DC.Creator', 'Doe, Jane'),
          meta('dc.creator', 'Richard Roe'),
          meta('DC.Identifier', 'doi:10.5555/DC.1'),
          meta('DCTERMS.issued', '2012 Nov 26'),
          meta('dc.Description', 'About DC.'),
          meta('dcterms.isPartOf', 'Journal of Metadata'),
        ].join(''),
      ),
    );
    expect(paper).toMatchObject({
      title: 'Dublin Core paper',
      authors: [
        { given: 'Jane', family: 'Doe' },
        { given: 'Richard', family: 'Roe' },
      ],
      doi: '10.5555/DC.1',
      year: 2012,
      abstract: 'About DC.',
      venue: 'Journal of Metadata',
    });
  });

  it('reads a doi.org identifier, DC in colon form and dc.contributor when there is no creator', () => {
    const paper = extract(
      pageWith(
        '<meta property="dc:title" content="Colon form">' +
          meta('DC.Contributor', ' Roe, Richard') +
          meta('dc.identifier', 'https://doi.org/10.5555/Colon') +
          meta('dc.date', '20 May 2015') +
          meta('dc.source', 'Metadata Letters'),
      ),
    );
    expect(paper).toMatchObject({
      title: 'Colon form',
      authors: [{ given: 'Richard', family: 'Roe' }],
      doi: '10.5555/Colon',
      year: 2015,
      venue: 'Metadata Letters',
    });
  });

  it('counts a creator with a bibliographic identifier (a handle) as a paper', () => {
    const paper = extract(
      pageWith(meta('DC.title', 'Repository thesis') + meta('DC.creator', 'Doe, Jane') + meta('DC.identifier', 'hdl:1721.1/12345')),
    );
    expect(paper?.title).toBe('Repository thesis');
    expect(paper?.doi).toBeNull();
  });

  it('counts a creator with a journal citation in DC terms as a paper', () => {
    const paper = extract(
      pageWith(
        meta('DC.title', 'Repository article') +
          meta('DC.creator', 'Doe, Jane') +
          meta('DC.relation.ispartof', 'Journal of Repositories') +
          meta('DC.citation.volume', '12'),
      ),
    );
    expect(paper).toMatchObject({ title: 'Repository article', venue: 'Journal of Repositories' });
  });

  it('does not count the DC tags a CMS stamps on every page (creator plus the page URL)', () => {
    const html = pageWith(
      meta('DC.title', 'Our team') +
        meta('DC.creator', 'Site Admin') +
        meta('DC.identifier', 'https://company.example/team') +
        meta('DC.date', '2018-01-27'),
      { title: 'Our team' },
    );
    expect(extract(html, 'https://company.example/team')).toBeNull();
  });
});

describe('extractPaper: PRISM', () => {
  it('reads the DOI, publication name and dates', () => {
    const paper = extract(
      pageWith(
        meta('prism.doi', 'doi:10.7777/PRISM.9') +
          meta('prism.publicationName', 'Prism Quarterly') +
          meta('prism.publicationDate', '2019-05-03T10:00:00Z') +
          meta('dc.title', 'Refraction'),
      ),
    );
    expect(paper).toMatchObject({ title: 'Refraction', doi: '10.7777/PRISM.9', venue: 'Prism Quarterly', year: 2019 });
  });

  it('falls back to the cover date, and is a paper signal by itself', () => {
    const paper = extract(pageWith(meta('prism.coverDate', 'Dec 20, 2006') + meta('prism.publicationName', 'Q'), { title: 'Cover story' }));
    expect(paper).toMatchObject({ title: 'Cover story', year: 2006, venue: 'Q', doi: null });
  });
});

describe('extractPaper: JSON-LD', () => {
  const scholarlyArticle = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: 'Linked data for papers',
    author: [
      { '@type': 'Person', givenName: 'Jane', familyName: 'Doe' },
      { '@type': 'Person', name: 'Richard Roe' },
      'Poe, Edgar',
      { '@type': 'Organization', name: 'The Example Consortium' },
    ],
    datePublished: '2021-08',
    identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.4242/LD.1' },
    isPartOf: { '@type': 'Periodical', name: 'Linked Journal' },
    description: 'Structured data.',
  };

  it('reads a ScholarlyArticle', () => {
    expect(extract(pageWith(jsonLd(scholarlyArticle)))).toMatchObject({
      title: 'Linked data for papers',
      authors: [
        { given: 'Jane', family: 'Doe' },
        { given: 'Richard', family: 'Roe' },
        { given: 'Edgar', family: 'Poe' },
        { given: '', family: 'The Example Consortium' },
      ],
      doi: '10.4242/LD.1',
      year: 2021,
      venue: 'Linked Journal',
      abstract: 'Structured data.',
    });
  });

  it('finds the article in @graph and follows @id references', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': '#site', name: 'Example Repository' },
        { '@type': 'Person', '@id': '#jane', givenName: 'Jane', familyName: 'Doe' },
        { '@type': 'Periodical', '@id': '#journal', name: 'Graph Journal' },
        {
          '@type': ['MedicalScholarlyArticle'],
          name: 'Graphs in medicine',
          author: [{ '@id': '#jane' }],
          isPartOf: { '@id': '#journal' },
          sameAs: ['https://example.org/x', 'https://doi.org/10.4242/GRAPH'],
          abstract: 'Graph abstract.',
          dateCreated: '2018-02-01',
        },
      ],
    };
    expect(extract(pageWith(jsonLd(graph)))).toMatchObject({
      title: 'Graphs in medicine',
      authors: [{ given: 'Jane', family: 'Doe' }],
      doi: '10.4242/GRAPH',
      venue: 'Graph Journal',
      abstract: 'Graph abstract.',
      year: 2018,
    });
  });

  it('survives malformed JSON beside a valid block', () => {
    const html = pageWith(
      '<script type="application/ld+json">{"@type": "ScholarlyArticle", "name": </script>' +
        '<script type="application/ld+json">not json at all</script>' +
        jsonLd([{ '@type': 'Report', name: 'A technical report', datePublished: '2015' }]),
    );
    expect(() => extract(html)).not.toThrow();
    expect(extract(html)).toMatchObject({ title: 'A technical report', year: 2015 });
  });

  it('tolerates raw newlines inside JSON strings', () => {
    const html = pageWith('<script type="application/ld+json">{"@type":"ScholarlyArticle","name":"Line\nbreak"}</script>');
    expect(extract(html)?.title).toBe('Line break');
  });

  it("does not take the article's cited works for the article", () => {
    const article = {
      '@type': 'ScholarlyArticle',
      name: 'Citing paper',
      citation: [{ '@type': 'ScholarlyArticle', name: 'Cited paper', identifier: 'https://doi.org/10.1111/cited' }],
    };
    const paper = extract(pageWith(jsonLd({ '@type': 'WebPage', mainEntity: article })));
    expect(paper?.title).toBe('Citing paper');
    expect(paper?.doi).toBeNull();
  });

  it('does not treat a plain Article (what blog engines emit) as a paper', () => {
    const blog = pageWith(jsonLd({ '@type': 'Article', headline: 'My weekend', author: { '@type': 'Person', name: 'Blogger' } }), {
      title: 'My weekend',
    });
    expect(extract(blog, 'https://blog.example/my-weekend')).toBeNull();
  });

  it("uses a plain Article's data once a DOI makes the page a paper", () => {
    const html = pageWith(jsonLd({ '@type': 'Article', headline: 'Registered post', author: 'Doe, Jane', identifier: 'doi:10.59350/abc' }));
    expect(extract(html, 'https://blog.example/registered')).toMatchObject({
      title: 'Registered post',
      authors: [{ given: 'Jane', family: 'Doe' }],
      doi: '10.59350/abc',
    });
  });
});

describe('extractPaper: pages that are not papers', () => {
  it('returns null for a blog post with only og: tags', () => {
    const html = pageWith(
      '<meta property="og:type" content="article">' +
        '<meta property="og:title" content="Ten tips for writing">' +
        '<meta property="og:description" content="Tips.">' +
        '<meta property="article:published_time" content="2020-01-01">',
      { title: 'Ten tips for writing | My Blog' },
    );
    expect(extract(html, 'https://myblog.example/ten-tips')).toBeNull();
  });

  it('returns null for a plain page', () => {
    expect(extract(pageWith(meta('description', 'Welcome'), { title: 'Home' }), 'https://example.com/')).toBeNull();
  });

  it('returns null for an arXiv listing page, which has no id', () => {
    expect(extract(pageWith('', { title: 'Machine Learning authors/titles recent submissions' }), 'https://arxiv.org/list/cs.LG/recent')).toBeNull();
  });

  it('returns null when a paper signal comes with no title anywhere', () => {
    expect(extract(pageWith(meta('citation_doi', '10.1234/untitled')))).toBeNull();
  });
});

describe('extractPaper: DOIs in the URL and in DOI meta tags', () => {
  it.each([
    ['https://doi.org/10.1000/XYZ.123', '10.1000/XYZ.123'],
    ['http://dx.doi.org/10.1000/xyz', '10.1000/xyz'],
    ['https://onlinelibrary.wiley.com/doi/10.1002/anie.201915678', '10.1002/anie.201915678'],
    ['https://onlinelibrary.wiley.com/doi/full/10.1002/anie.201915678#sec1', '10.1002/anie.201915678'],
    ['https://dl.acm.org/doi/abs/10.1145/3442188.3445922?cookieSet=1', '10.1145/3442188.3445922'],
    ['https://link.springer.com/article/10.1007/s11192-020-03690-4', '10.1007/s11192-020-03690-4'],
    ['https://link.springer.com/content/pdf/10.1007/s11192-020-03690-4.pdf', '10.1007/s11192-020-03690-4'],
    ['https://www.frontiersin.org/articles/10.3389/fnins.2020.00001/full', '10.3389/fnins.2020.00001'],
    ['https://academic.oup.com/nar/article/10.1093/nar/gkaa123', '10.1093/nar/gkaa123'],
    ['https://www.biorxiv.org/content/10.1101/2020.03.22.002386v1.full', '10.1101/2020.03.22.002386'],
    ['https://search.example/view?doi=10.1000%2Fquery', '10.1000/query'],
  ])('finds the DOI in %s', (url, doi) => {
    const paper = extract(pageWith('', { title: 'A paper' }), url);
    expect(paper?.doi).toBe(doi);
    expect(paper?.title).toBe('A paper');
  });

  it('does not take a CiteSeerX-style id for a DOI', () => {
    expect(extract(pageWith('', { title: 'Doc' }), 'https://citeseerx.example/viewdoc/summary?doi=10.1.1.123.4567')).toBeNull();
  });

  it('reads <meta name="DOI"> and <meta id="DOI">', () => {
    expect(extract(pageWith(meta('DOI', 'https://doi.org/10.2000/Named'), { title: 'T' }))?.doi).toBe('10.2000/Named');
    expect(extract(pageWith('<meta id="DOI" content="10.2000/byid.">', { title: 'T' }))?.doi).toBe('10.2000/byid');
  });

  it('finds the DOI in the canonical link when the page URL has none', () => {
    const html = pageWith('<link rel="canonical" href="https://pubs.example/doi/10.3000/canon">', { title: 'T' });
    expect(extract(html, 'https://pubs.example/article?id=7')?.doi).toBe('10.3000/canon');
  });

  it('prefers the stated DOI to the one in the URL', () => {
    const paper = extract(pageWith(meta('citation_doi', '10.1000/stated') + meta('citation_title', 'T')), 'https://doi.org/10.1000/url');
    expect(paper?.doi).toBe('10.1000/stated');
  });
});

describe('extractPaper: arXiv', () => {
  it('reads the id from an abs URL with a version, without the version', () => {
    const paper = extract(pageWith('', { title: '[2101.00001v2] A preprint' }), 'https://arxiv.org/abs/2101.00001v2');
    expect(paper).toMatchObject({
      title: 'A preprint',
      arxivId: '2101.00001',
      doi: null,
      year: 2021,
      pdfUrl: 'https://arxiv.org/pdf/2101.00001',
    });
  });

  it('reads the id from a PDF URL', () => {
    expect(extract(pageWith('', { title: 'P' }), 'https://arxiv.org/pdf/2101.00001v3')?.arxivId).toBe('2101.00001');
  });

  it('reads old-style ids', () => {
    const paper = extract(pageWith('', { title: '[hep-th/9901001] Strings' }), 'https://arxiv.org/abs/hep-th/9901001v1');
    expect(paper).toMatchObject({ arxivId: 'hep-th/9901001', title: 'Strings', year: 1999, pdfUrl: 'https://arxiv.org/pdf/hep-th/9901001' });
  });

  it('keeps a journal DOI the arXiv page states, and derives the id from it only when it is arXiv\'s own', () => {
    const withJournalDoi = extract(
      pageWith(meta('citation_title', 'T') + meta('citation_arxiv_id', '2101.00001') + meta('citation_doi', '10.1103/PhysRevLett.1.1')),
      'https://arxiv.org/abs/2101.00001',
    );
    const withDataCiteDoi = extract(pageWith(meta('citation_title', 'T') + meta('citation_doi', '10.48550/arXiv.2101.00001')));
    expect(withJournalDoi).toMatchObject({ doi: '10.1103/PhysRevLett.1.1', arxivId: '2101.00001' });
    expect(withDataCiteDoi).toMatchObject({ doi: '10.48550/arXiv.2101.00001', arxivId: '2101.00001' });
  });

  it('finds an arXiv id named in Dublin Core on another site', () => {
    const paper = extract(pageWith(meta('DC.title', 'Mirror') + meta('DC.identifier', 'arXiv:1706.03762v5')), 'https://mirror.example/p/1');
    expect(paper?.arxivId).toBe('1706.03762');
  });
});

describe('extractPaper: titles from the page title', () => {
  it("drops a trailing segment naming the site (og:site_name or the host's name)", () => {
    const bySiteName = extract(
      pageWith(meta('citation_doi', '10.1000/x') + '<meta property="og:site_name" content="ScienceDirect">', {
        title: 'Carbon capture at scale - ScienceDirect',
      }),
    );
    const byHost = extract(pageWith(meta('citation_doi', '10.1000/y'), { title: 'Carbon capture | Wiley Online Library' }), 'https://onlinelibrary.wiley.com/x');
    expect(bySiteName?.title).toBe('Carbon capture at scale');
    expect(byHost?.title).toBe('Carbon capture');
  });

  it('keeps separators that are part of the title', () => {
    const paper = extract(pageWith(meta('citation_doi', '10.1000/z'), { title: 'COVID-19 - a review of the first year' }));
    expect(paper?.title).toBe('COVID-19 - a review of the first year');
  });

  it('uses og:title before the page title, without the site name either carries', () => {
    const paper = extract(
      pageWith(meta('citation_doi', '10.1000/z') + '<meta property="og:title" content="Clean title - Nature">', { title: 'Messy title :: Portal' }),
      'https://www.nature.com/articles/x',
    );
    expect(paper?.title).toBe('Clean title');
  });
});

describe('extractPaper: author names', () => {
  it.each([
    ['Smith, John', 'John', 'Smith'],
    ['John Smith', 'John', 'Smith'],
    ['John M. Smith', 'John M.', 'Smith'],
    ['J. R. R. Tolkien', 'J. R. R.', 'Tolkien'],
    ['Ludwig van Beethoven', 'Ludwig', 'van Beethoven'],
    ['María José de la Cruz', 'María José', 'de la Cruz'],
    ['van der Berg, Jan', 'Jan', 'van der Berg'],
    ['Martin Luther King Jr.', 'Martin Luther', 'King Jr.'],
    ['King, Martin Luther, Jr.', 'Martin Luther', 'King Jr.'],
    ['King, Martin Luther Jr.', 'Martin Luther', 'King Jr.'],
    ['John Smith, III', 'John', 'Smith III'],
    ['SMITH, JOHN', 'John', 'Smith'],
    ['JOHN A. SMITH', 'John A.', 'Smith'],
    ["O'BRIEN, PATRICK", 'Patrick', "O'Brien"],
    ['JEAN-PAUL SARTRE', 'Jean-Paul', 'Sartre'],
    ['MÜLLER, JÜRGEN', 'Jürgen', 'Müller'],
    ['McDonald, Ronald', 'Ronald', 'McDonald'],
    ['danah boyd', 'danah', 'boyd'],
    ['ZHANG Wei', 'Wei', 'Zhang'],
    ['OUYANG Na-Na', 'Na-Na', 'Ouyang'],
    ['张伟', '伟', '张'],
    ['欧阳娜娜', '娜娜', '欧阳'],
    ['司马光明', '光明', '司马'],
    ['张 伟', '伟', '张'],
    ['山田 太郎', '太郎', '山田'],
    ['列夫·托尔斯泰', '列夫', '托尔斯泰'],
    ['김철수', '철수', '김'],
    ['남궁민수', '민수', '남궁'],
    ['Jane Doe1,2', 'Jane', 'Doe'],
    ['Jane Doe*', 'Jane', 'Doe'],
    ['Jane Doe (Editor)', 'Jane', 'Doe'],
    ['张伟 (Zhang Wei)', '伟', '张'],
    ['Dr. Jane Doe', 'Jane', 'Doe'],
    ['Prof. Dr. Jane Doe', 'Jane', 'Doe'],
    ['Doe, Jane 0000-0002-1825-009X', 'Jane', 'Doe'],
    ['Jane Doe jane.doe@example.edu', 'Jane', 'Doe'],
    ['Jane Doe, PhD', 'Jane', 'Doe'],
    ['Smith JA', 'JA', 'Smith'],
    ['Li W', 'W', 'Li'],
    ['van der Berg J', 'J', 'van der Berg'],
    ['Plato', '', 'Plato'],
    ['ATLAS Collaboration', '', 'ATLAS Collaboration'],
  ])('%s → given %j, family %j', (name, given, family) => {
    expect(authorsOf(name)).toEqual([{ given, family }]);
  });

  it('drops empty names and "et al."', () => {
    expect(authorsOf('', ' , ', 'et al.', '12', 'Doe, Jane')).toEqual([{ given: 'Jane', family: 'Doe' }]);
  });

  it('drops repeated authors, case-insensitively, keeping the first spelling and the order', () => {
    expect(authorsOf('Doe, Jane', 'Roe, Richard', 'DOE, JANE', 'Jane Doe', 'richard roe', 'Poe, Edgar')).toEqual([
      { given: 'Jane', family: 'Doe' },
      { given: 'Richard', family: 'Roe' },
      { given: 'Edgar', family: 'Poe' },
    ]);
  });

  it('splits one author tag holding several names', () => {
    expect(authorsOf('Doe, Jane; Roe, Richard')).toEqual([
      { given: 'Jane', family: 'Doe' },
      { given: 'Richard', family: 'Roe' },
    ]);
    expect(authorsOf('张伟，李娜')).toEqual([
      { given: '伟', family: '张' },
      { given: '娜', family: '李' },
    ]);
  });

  it('splits a comma-separated citation_authors list only when each part is a whole name', () => {
    const list = (value: string) => extract(pageWith(meta('citation_title', 'T') + meta('citation_authors', value)))?.authors;
    expect(list('ZHANG Wei, LI Na')).toEqual([
      { given: 'Wei', family: 'Zhang' },
      { given: 'Na', family: 'Li' },
    ]);
    expect(list('Smith, John A.')).toEqual([{ given: 'John A.', family: 'Smith' }]);
    expect(list('Doe, J., Roe, R.')).toEqual([
      { given: 'J.', family: 'Doe' },
      { given: 'R.', family: 'Roe' },
    ]);
    expect(list('解学梅，陈文妍、倪书阳')).toEqual([
      { given: '学梅', family: '解' },
      { given: '文妍', family: '陈' },
      { given: '书阳', family: '倪' },
    ]);
  });
});

describe('extractPaper: years', () => {
  it.each([
    ['2017/06/12', 2017],
    ['2012 Nov 26', 2012],
    ['Dec 20, 2006', 2006],
    ['2021/08', 2021],
    ['2019-05-03T10:00:00Z', 2019],
    ['20 May 2015', 2015],
    ['2015', 2015],
    ['20150520', 2015],
    ['1665', 1665],
  ])('%s → %i', (date, year) => {
    expect(yearOf(date)).toBe(year);
  });

  it.each([['0000-00-00'], ['9999'], ['1200/01/01'], ['12/06/17'], ['unknown']])('%s gives no year', (date) => {
    expect(yearOf(date)).toBeNull();
  });

  it('falls through an absurd date to the next source', () => {
    const paper = extract(pageWith(meta('citation_title', 'T') + meta('citation_publication_date', '0001-01-01') + meta('citation_online_date', '2016/03/04')));
    expect(paper?.year).toBe(2016);
  });
});

describe('extractPaper: precedence when sources disagree', () => {
  const allSources = [
    meta('citation_title', 'Highwire title'),
    meta('citation_author', 'Highwire, Author'),
    meta('citation_publication_date', '2001'),
    meta('citation_journal_title', 'Highwire Journal'),
    meta('citation_abstract', 'Highwire abstract.'),
    meta('dc.title', 'DC title'),
    meta('dc.creator', 'Dublin, Core'),
    meta('dc.date', '2002'),
    meta('dc.source', 'DC Journal'),
    meta('dc.description', 'DC abstract.'),
    meta('dc.identifier', 'doi:10.1000/dc'),
    jsonLd({
      '@type': 'ScholarlyArticle',
      name: 'JSON-LD title',
      author: 'Json, Ld',
      datePublished: '2003',
      isPartOf: { name: 'JSON-LD Journal' },
      description: 'JSON-LD abstract.',
      identifier: 'https://doi.org/10.1000/jsonld',
    }),
    '<meta property="og:title" content="og title"><meta property="og:description" content="og abstract.">',
  ];

  it('fills every field from Highwire first', () => {
    expect(extract(pageWith(allSources.join('') + meta('citation_doi', '10.1000/highwire'), { title: 'Page title' }))).toMatchObject({
      title: 'Highwire title',
      authors: [{ given: 'Author', family: 'Highwire' }],
      year: 2001,
      venue: 'Highwire Journal',
      abstract: 'Highwire abstract.',
      doi: '10.1000/highwire',
    });
  });

  it('then from Dublin Core', () => {
    const html = pageWith(allSources.filter((tag) => !tag.includes('citation_')).join(''), { title: 'Page title' });
    expect(extract(html)).toMatchObject({
      title: 'DC title',
      authors: [{ given: 'Core', family: 'Dublin' }],
      year: 2002,
      venue: 'DC Journal',
      abstract: 'DC abstract.',
      doi: '10.1000/dc',
    });
  });

  it('then from JSON-LD', () => {
    const html = pageWith(allSources.filter((tag) => !tag.includes('citation_') && !tag.includes('"dc.')).join(''), { title: 'Page title' });
    expect(extract(html)).toMatchObject({
      title: 'JSON-LD title',
      authors: [{ given: 'Ld', family: 'Json' }],
      year: 2003,
      venue: 'JSON-LD Journal',
      abstract: 'JSON-LD abstract.',
      doi: '10.1000/jsonld',
    });
  });

  it('and only then from og: tags', () => {
    const html = pageWith(
      meta('citation_doi', '10.1000/og') + '<meta property="og:title" content="og title"><meta property="og:description" content="og abstract.">',
      { title: 'Page title' },
    );
    expect(extract(html)).toMatchObject({ title: 'og title', abstract: 'og abstract.', authors: [], year: null, venue: null });
  });
});

describe('extractPaper: bylines', () => {
  it('reads a marked-up author group when the page has no author metadata, and not the reference list', () => {
    const html = `<!DOCTYPE html><html><head><title>Cinnamon films - ScienceDirect</title>
      ${meta('citation_pii', 'S2214289424000760')}${meta('citation_title', 'Cinnamon films')}${meta('citation_doi', '10.1016/j.fpsl.2024.101311')}
      </head><body>
      <div class="author-group" id="author-group"><span class="sr-only">Author links open overlay panel</span>
        <button type="button"><span class="button-link-text"><span class="given-name">Nur Alim</span> <span class="text surname">Bahmid</span><sup>a</sup></span></button>
        <button type="button"><span class="button-link-text"><span class="text surname">Hernawan</span><sup>b</sup></span></button>
        <button type="button"><span class="button-link-text"><span class="given-name">JANE</span> <span class="text surname">DOE</span></span></button>
      </div>
      <section class="bibliography"><span class="given-name">Cited</span> <span class="surname">Author</span></section>
      </body></html>`;
    expect(extract(html, 'https://www.sciencedirect.com/science/article/pii/S2214289424000760')?.authors).toEqual([
      { given: 'Nur Alim', family: 'Bahmid' },
      { given: '', family: 'Hernawan' },
      { given: 'Jane', family: 'Doe' },
    ]);
  });

  it('prefers author metadata to the byline', () => {
    const html = pageWith(meta('citation_title', 'T') + meta('citation_author', 'Roe, Richard')).replace(
      '<p>Body text</p>',
      '<div id="author-group"><span class="given-name">Other</span><span class="surname">Person</span></div>',
    );
    expect(extract(html)?.authors).toEqual([{ given: 'Richard', family: 'Roe' }]);
  });
});

describe('extractPaper: pages in two languages', () => {
  it('prefers unmarked tags to ones marked with another language', () => {
    const html = pageWith(
      meta('citation_title', '中文标题') + '<meta name="citation_title" xml:lang="en" content="English title">',
      { lang: 'en' },
    );
    expect(extract(html)?.title).toBe('中文标题');
  });

  it("otherwise prefers the document's language", () => {
    const tags =
      '<meta name="citation_title" xml:lang="en" content="English title">' + '<meta name="citation_title" xml:lang="zh" content="中文标题">';
    expect(extract(pageWith(tags, { lang: 'zh-CN' }))?.title).toBe('中文标题');
    expect(extract(pageWith(tags, { lang: 'en-US' }))?.title).toBe('English title');
    expect(extract(pageWith(tags))?.title).toBe('English title');
  });
});

describe('extractPaper: realistic pages', () => {
  it('an arXiv abstract page', () => {
    const paper = extract(fixture('arxiv-abs.html'), 'https://arxiv.org/abs/1706.03762v7');
    expect(paper).toMatchObject({
      url: 'https://arxiv.org/abs/1706.03762v7',
      title: 'Attention Is All You Need',
      doi: null,
      arxivId: '1706.03762',
      year: 2017,
      venue: null,
      pdfUrl: 'https://arxiv.org/pdf/1706.03762',
    });
    expect(paper?.authors).toHaveLength(8);
    expect(paper?.authors.slice(0, 2)).toEqual([
      { given: 'Ashish', family: 'Vaswani' },
      { given: 'Noam', family: 'Shazeer' },
    ]);
    expect(paper?.authors[5]).toEqual({ given: 'Aidan N.', family: 'Gomez' });
    expect(paper?.abstract).toMatch(/^The dominant sequence transduction models .* convolutions entirely\.$/);
    expect(Paper.safeParse(paper).success).toBe(true);
  });

  it('a Nature (Springer Nature) article page', () => {
    const paper = extract(fixture('nature-article.html'), 'https://www.nature.com/articles/s41586-020-2649-2');
    expect(paper).toMatchObject({
      title: 'Array programming with NumPy',
      doi: '10.1038/s41586-020-2649-2',
      arxivId: null,
      year: 2020,
      venue: 'Nature',
      pdfUrl: 'https://www.nature.com/articles/s41586-020-2649-2.pdf',
    });
    expect(paper?.authors).toEqual([
      { given: 'Charles R.', family: 'Harris' },
      { given: 'K. Jarrod', family: 'Millman' },
      { given: 'Stéfan J.', family: 'van der Walt' },
      { given: 'Ralf', family: 'Gommers' },
      { given: 'Travis E.', family: 'Oliphant' },
    ]);
    expect(paper?.abstract).toMatch(/^Array programming provides a powerful/);
  });

  it('an ACM Digital Library page (Dublin Core only)', () => {
    const paper = extract(fixture('acm-dl.html'), 'https://dl.acm.org/doi/10.1145/3442188.3445922');
    expect(paper).toMatchObject({
      title: 'On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? 🦜',
      doi: '10.1145/3442188.3445922',
      arxivId: null,
      year: 2021,
      pdfUrl: null,
      abstract: 'The past 3 years of work in NLP have been characterized by the development and deployment of ever larger language models, especially for English.',
    });
    expect(paper?.authors).toEqual([
      { given: 'Emily M.', family: 'Bender' },
      { given: 'Timnit', family: 'Gebru' },
      { given: 'Angelina', family: 'McMillan-Major' },
      { given: 'Shmargaret', family: 'Shmitchell' },
    ]);
    expect(paper?.venue).toBe('Association for Computing Machinery New York, NY, USA');
  });

  it('a bioRxiv preprint page', () => {
    const paper = extract(fixture('biorxiv.html'), 'https://www.biorxiv.org/content/10.1101/2020.01.28.923011v1.full');
    expect(paper).toMatchObject({
      title: 'Potent binding of 2019 novel coronavirus spike protein by a SARS coronavirus-specific human monoclonal antibody',
      doi: '10.1101/2020.01.28.923011',
      arxivId: null,
      year: 2020,
      venue: 'bioRxiv',
      pdfUrl: 'https://www.biorxiv.org/content/biorxiv/early/2020/01/28/2020.01.28.923011.full.pdf',
      abstract:
        'The newly identified 2019 novel coronavirus (2019-nCoV) has caused more than 800 laboratory-confirmed human infections, including 25 deaths, posing a serious threat to human health. Currently, however, there is no specific antiviral treatment or vaccine.',
    });
    expect(paper?.authors).toEqual([
      { given: 'Xiaolong', family: 'Tian' },
      { given: 'Cheng', family: 'Li' },
      { given: 'Ailing', family: 'Huang' },
      { given: 'Tianlei', family: 'Ying' },
    ]);
  });

  it('a bilingual Chinese journal page', () => {
    const paper = extract(fixture('chinese-journal.html'), 'http://www.jos.org.cn/jos/article/abstract/6123');
    expect(paper).toMatchObject({
      title: '基于深度学习的软件缺陷预测研究综述',
      doi: '10.13328/j.cnki.jos.006123',
      arxivId: null,
      year: 2021,
      venue: '软件学报',
      pdfUrl: 'http://www.jos.org.cn/jos/article/pdf/6123',
      abstract: '软件缺陷预测是软件工程领域的研究热点之一。本文对基于深度学习的软件缺陷预测方法进行了系统综述。',
    });
    expect(paper?.authors).toEqual([
      { given: '娜娜', family: '欧阳', latin: { given: 'Na-Na', family: 'Ouyang' } },
      { given: '伟', family: '张', latin: { given: 'Wei', family: 'Zhang' } },
      { given: '光明', family: '司马', latin: { given: 'Guang-Ming', family: 'Sima' } },
      { given: '娜', family: '李', latin: { given: 'Na', family: 'Li' } },
    ]);
  });
});

describe('extractPaper: any markup', () => {
  const metaNames = [
    'citation_title', 'citation_author', 'citation_authors', 'citation_doi', 'citation_date', 'citation_pdf_url',
    'citation_journal_title', 'citation_abstract', 'citation_arxiv_id', 'DC.creator', 'dc.identifier', 'dc.title',
    'prism.doi', 'og:title', 'og:description', 'DOI',
  ];
  const metaTag = fc.record({
    name: fc.constantFrom(...metaNames),
    content: fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('10.1000/x', '2101.00001', 'Doe, Jane', ' ', '')),
    lang: fc.constantFrom(null, 'en', 'zh'),
  });
  const jsonLdBlock = fc.oneof(
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.string(),
    fc.jsonValue().map((value) => JSON.stringify({ '@type': 'ScholarlyArticle', name: value, author: value, identifier: value, isPartOf: value })),
  );

  it('returns null or a valid Paper with normalized identifiers, no blank fields and no repeated authors', () => {
    fc.assert(
      fc.property(fc.array(metaTag, { maxLength: 12 }), fc.array(jsonLdBlock, { maxLength: 2 }), fc.string(), (tags, blocks, title) => {
        const window = new Window({ url: 'https://example.org/p' });
        const document = window.document;
        document.title = title;
        for (const tag of tags) {
          const element = document.createElement('meta');
          element.setAttribute('name', tag.name);
          element.setAttribute('content', tag.content);
          if (tag.lang) element.setAttribute('xml:lang', tag.lang);
          document.head.appendChild(element);
        }
        for (const block of blocks) {
          const script = document.createElement('script');
          script.setAttribute('type', 'application/ld+json');
          script.textContent = block;
          document.head.appendChild(script);
        }
        const paper = extractPaper(document as unknown as Document, 'https://example.org/p#x');
        void window.happyDOM.close();
        if (paper === null) return;
        expect(Paper.parse(paper)).toEqual(paper);
        expect(paper.title).toBe(paper.title.trim());
        expect(paper.title).not.toBe('');
        for (const field of [paper.doi, paper.arxivId, paper.venue, paper.abstract, paper.pdfUrl]) expect(field).not.toBe('');
        if (paper.doi) expect(normalizeDoi(paper.doi)).toBe(paper.doi);
        if (paper.arxivId) expect(normalizeArxivId(paper.arxivId)).toBe(paper.arxivId);
        const keys = paper.authors.map((a) => `${a.given}|${a.family}`.toLowerCase());
        expect(new Set(keys).size).toBe(keys.length);
        expect(paper.authors.every((a) => a.given !== '' || a.family !== '')).toBe(true);
        expect([paper.quote, paper.note, paper.url]).toEqual([null, null, 'https://example.org/p']);
      }),
      { numRuns: 300 },
    );
  });
});
