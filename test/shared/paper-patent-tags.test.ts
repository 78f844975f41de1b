import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPaper } from '../../shared/paper.js';
import { Paper } from '../../shared/schemas/paper.js';

const windows: Window[] = [];

afterAll(async () => {
  await Promise.all(windows.map((window) => window.happyDOM.close()));
});

/** The paper extracted from a page whose head is `head`. */
function extractHead(head: string, url: string) {
  const window = new Window({ url });
  windows.push(window);
  const document = new window.DOMParser().parseFromString(`<html><head>${head}</head><body></body></html>`, 'text/html') as unknown as Document;
  const paper = extractPaper(document, url);
  if (paper) expect(Paper.parse(paper)).toEqual(paper);
  return paper;
}

describe('patent pages on any site', () => {
  it('keeps the publication and application numbers of Highwire patent tags', () => {
    const paper = extractHead(
      `<meta name="citation_title" content="Perovskite solar cell with a passivated hole transport layer">
       <meta name="citation_inventor" content="Zhang, Wei">
       <meta name="citation_patent_number" content="US:10123456B2">
       <meta name="citation_patent_application_number" content="US:15/987,654">
       <meta name="citation_publication_date" content="2018/11/13">`,
      'https://www.patentdatabase.example/patent/10123456',
    );
    expect(paper).toMatchObject({
      kind: 'patent',
      title: 'Perovskite solar cell with a passivated hole transport layer',
      patent: { number: 'US10123456B2', applicationNumber: 'US15/987,654', applicants: [], filingDate: null, publicationDate: '2018-11-13' },
    });
  });

  it('takes the number from Dublin Core when it types the page a patent', () => {
    const paper = extractHead(
      `<meta name="DC.title" content="一种钙钛矿太阳能电池及其制备方法">
       <meta name="DC.type" content="Patent">
       <meta name="DC.creator" content="张伟">
       <meta name="DC.identifier" content="https://patents.example.cn/CN114000000B">
       <meta name="DC.identifier" content="CN114000000B">`,
      'https://patents.example.cn/CN114000000B',
    );
    expect(paper).toMatchObject({ kind: 'patent', patent: { number: 'CN114000000B', applicationNumber: null } });
  });

  it('leaves an article an article', () => {
    const paper = extractHead(
      `<meta name="citation_title" content="Damp-heat stability of perovskite modules">
       <meta name="citation_author" content="Zhang, Wei">
       <meta name="citation_doi" content="10.1234/pvk.1">
       <meta name="DC.identifier" content="CN114000000B">`,
      'https://journals.example.org/pvk',
    );
    expect(paper).not.toBeNull();
    expect(paper!.kind).toBeUndefined();
    expect(paper!.patent).toBeUndefined();
  });
});
