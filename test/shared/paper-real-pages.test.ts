import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPaper } from '../../shared/paper.js';

/**
 * Pages where a researcher's clips came out wrong (issue 11, item 9), as the publishers structure them:
 * D-Lib's microdata date, bodies whose full abstract beats the description's teaser (PMC's structured
 * abstract, ScienceDirect's highlights box printed first, eLife's impact statement), eLife's venue and DOI
 * capitals, and Nature news's venue.
 */
const windows: Window[] = [];
afterAll(async () => {
  await Promise.all(windows.map((window) => window.happyDOM.close()));
});

function extractFixture(name: string, url: string) {
  const window = new Window({ url, settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true } });
  windows.push(window);
  const html = readFileSync(new URL(`../fixtures/papers/${name}`, import.meta.url), 'utf8');
  return extractPaper(new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document, url);
}

const TEASER_MAX = 246;

describe('real publisher pages', () => {
  it('D-Lib: the year from itemprop="datePublished"', () => {
    const paper = extractFixture('dlib.html', 'https://www.dlib.org/dlib/november16/mayernik/11mayernik.html');
    expect(paper).toMatchObject({ doi: '10.1045/november2016-mayernik', year: 2016 });
  });

  it('PMC: the structured abstract in the body, not the description’s opening of it', () => {
    const paper = extractFixture('pmc.html', 'https://pmc.ncbi.nlm.nih.gov/articles/PMC7654321/');
    expect(paper?.abstract).toMatch(/^Background Sepsis is a leading cause of death/);
    expect(paper?.abstract).toContain('sensitivity of 0.81');
    expect(paper?.abstract).toMatch(/could prompt earlier treatment\.$/);
    expect(paper).toMatchObject({ venue: 'BMC Emergency Medicine', year: 2020, doi: '10.1186/s12873-020-00381-2' });
  });

  it('ScienceDirect: the abstract, not the highlights printed above it nor the teaser', () => {
    const paper = extractFixture('sciencedirect.html', 'https://www.sciencedirect.com/science/article/pii/S0010938X19312345');
    expect(paper?.abstract?.length).toBeGreaterThan(TEASER_MAX);
    expect(paper?.abstract).toMatch(/^Weathering steels rely on a protective rust layer/);
    expect(paper?.abstract).toMatch(/reduced the corrosion rate by 40% relative to conventional weathering steel\.$/);
    expect(paper?.abstract).not.toContain('Four-year exposure');
    expect(paper?.venue).toBe('Corrosion Science');
  });

  it('eLife: the abstract over the impact statement, the journal as venue, the DOI in its published capitals', () => {
    const paper = extractFixture('elife.html', 'https://elifesciences.org/articles/68212');
    expect(paper?.abstract).toMatch(/^Executing memory-guided behavior requires storage/);
    expect(paper?.abstract).toMatch(/rather than in directly guiding subsequent behavior\.$/);
    expect(paper).toMatchObject({ venue: 'eLife', doi: '10.7554/eLife.68212', year: 2021 });
  });

  it('Nature news: the venue is the journal (prism.publicationName), not dc.source’s "Nature 2020"', () => {
    const paper = extractFixture('nature-news.html', 'https://www.nature.com/articles/d41586-020-03348-4');
    expect(paper).toMatchObject({ venue: 'Nature', year: 2020, doi: '10.1038/d41586-020-03348-4' });
  });
});
