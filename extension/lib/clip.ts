import { storage } from 'wxt/utils/storage';
import type { Locale } from '../../shared/schemas/common.js';
import type { Paper, PaperInput, PaperRecord } from '../../shared/schemas/paper.js';
import { ApiError, isTransientFailure, type ApiClient } from './api.js';
import { keptPaper, type ClipQueue } from './clip-queue.js';
import { authorLine, date, paperDetail } from './format.js';
import type { Catalogue } from './i18n.js';

/** What the clipper script reports from the live page. */
export interface PageExtraction {
  url: string;
  /** `extractPaper(document, url)`: null when the page is not a paper. */
  paper: Paper | null;
  /** The text selected on the page, trimmed ("" when nothing is selected). */
  selection: string;
}

/** How a clip ended; the UI and the in-page card describe each with `describeClip`. */
export type ClipOutcome =
  | { kind: 'saved'; paper: PaperRecord }
  | { kind: 'duplicate'; paper: PaperRecord }
  | { kind: 'queued'; paper: PaperInput }
  | { kind: 'not-a-paper'; url: string }
  | { kind: 'unavailable' }
  | { kind: 'signed-out'; paper: PaperInput }
  | { kind: 'failed'; paper: PaperInput; message: string };

/** The latest clip and when it happened: pages refresh Papers when it changes. */
export const lastClipItem = storage.defineItem<{ outcome: ClipOutcome; at: string } | null>('local:lastClip', {
  fallback: null,
});

export interface ClipperDeps {
  /** Runs the clipper in the tab; rejects when the page cannot be scripted (no grant, a browser page). */
  extract(tabId: number): Promise<PageExtraction>;
  api: Pick<ApiClient, 'addPaper'>;
  queue: Pick<ClipQueue, 'enqueue'>;
  isSignedIn(): Promise<boolean>;
}

/** The limits of `PaperInput`, so a long abstract or a huge author list is trimmed rather than refused. */
const LIMITS = {
  title: 500, venue: 300, abstract: 10_000, quote: 5_000, authors: 200, name: 200, doi: 200, arxivId: 40,
  keywords: 100, keyword: 200, affiliations: 20, affiliation: 300, funding: 20, fundingLine: 500, issue: 40,
};

/**
 * The clip to send for an extracted paper and the reader's selection (`quote`, null when empty). Text is
 * cut to what the server accepts; a paper's own `quote` and `note` are never set by extraction. Keywords,
 * Latin spellings of names, affiliations, the translated title, volume, issue, funding and a patent's
 * details travel with it when the page gave them.
 */
export function paperInputFrom(paper: Paper, quote: string | null): PaperInput {
  const cut = (text: string | null | undefined, max: number) => (text ? text.slice(0, max) : null);
  const cutAll = (texts: readonly string[] | undefined, count: number, max: number) =>
    (texts ?? []).slice(0, count).map((text) => text.slice(0, max)).filter((text) => text.trim() !== '');
  return {
    url: paper.url,
    title: paper.title.slice(0, LIMITS.title),
    authors: paper.authors.slice(0, LIMITS.authors).map(({ given, family, latin, affiliations }) => ({
      given: given.slice(0, LIMITS.name),
      family: family.slice(0, LIMITS.name),
      ...(latin ? { latin: { given: latin.given.slice(0, LIMITS.name), family: latin.family.slice(0, LIMITS.name) } } : {}),
      ...(affiliations?.length ? { affiliations: cutAll(affiliations, LIMITS.affiliations, LIMITS.affiliation) } : {}),
    })),
    doi: cut(paper.doi, LIMITS.doi),
    arxivId: cut(paper.arxivId, LIMITS.arxivId),
    year: paper.year,
    venue: cut(paper.venue, LIMITS.venue),
    abstract: cut(paper.abstract, LIMITS.abstract),
    pdfUrl: paper.pdfUrl && /^https?:/i.test(paper.pdfUrl) ? paper.pdfUrl : null,
    quote: cut(quote?.trim() || null, LIMITS.quote),
    note: null,
    kind: paper.kind ?? 'article',
    keywords: cutAll(paper.keywords, LIMITS.keywords, LIMITS.keyword),
    translatedTitle: cut(paper.translatedTitle, LIMITS.title),
    volume: cut(paper.volume, LIMITS.issue),
    issue: cut(paper.issue, LIMITS.issue),
    funding: cutAll(paper.funding, LIMITS.funding, LIMITS.fundingLine),
    patent: paper.patent ?? null,
  };
}

/**
 * The clip flow behind the toolbar button, the context menu and the shortcut: extract the paper from the
 * live page, add the selection as its quote, and save it to the library — a 409 is reported as a duplicate
 * with the paper already kept, and an unreachable server puts the clip in the offline queue.
 */
export function createClipper({ extract, api, queue, isSignedIn }: ClipperDeps) {
  async function clipTab(tabId: number, options: { selectionText?: string } = {}): Promise<ClipOutcome> {
    let page: PageExtraction;
    try {
      page = await extract(tabId);
    } catch {
      return { kind: 'unavailable' };
    }
    if (!/^https?:/i.test(page.url)) return { kind: 'unavailable' };
    if (!page.paper) return { kind: 'not-a-paper', url: page.url };
    const paper = paperInputFrom(page.paper, page.selection || options.selectionText || null);
    if (!(await isSignedIn())) return { kind: 'signed-out', paper };
    try {
      return { kind: 'saved', paper: await api.addPaper(paper) };
    } catch (error) {
      const kept = keptPaper(error);
      if (kept) return { kind: 'duplicate', paper: kept };
      if (isTransientFailure(error)) {
        await queue.enqueue(paper);
        return { kind: 'queued', paper };
      }
      if (error instanceof ApiError && error.status === 401) return { kind: 'signed-out', paper };
      return { kind: 'failed', paper, message: (error as Error).message };
    }
  }

  return { clipTab };
}

/** A clip outcome as words: how it went (`tone`), a heading, a line of explanation, and the paper, if any. */
export interface ClipDescription {
  tone: 'ok' | 'warn' | 'error';
  heading: string;
  body: string | null;
  paper: { id: string | null; title: string; authors: string; detail: string; quote: string | null } | null;
}

/** The words for `outcome`, shared by the in-page card and the popup so both say the same thing. */
export function describeClip(outcome: ClipOutcome, t: Catalogue, locale: Locale): ClipDescription {
  const paperOf = (paper: PaperInput | PaperRecord) => ({
    id: 'id' in paper ? paper.id : null,
    title: paper.title,
    authors: authorLine(paper.authors ?? [], t),
    detail: paperDetail({ venue: paper.venue ?? null, year: paper.year ?? null, doi: paper.doi ?? null, arxivId: paper.arxivId ?? null }),
    quote: paper.quote ?? null,
  });
  switch (outcome.kind) {
    case 'saved':
      return { tone: 'ok', heading: t.clipSaved, body: null, paper: paperOf(outcome.paper) };
    case 'duplicate':
      return { tone: 'warn', heading: t.clipDuplicate, body: t.clipDuplicateSince(date(outcome.paper.createdAt, locale)), paper: paperOf(outcome.paper) };
    case 'queued':
      return { tone: 'warn', heading: t.clipQueued, body: t.clipQueuedBody, paper: paperOf(outcome.paper) };
    case 'not-a-paper':
      return { tone: 'warn', heading: t.clipNotAPaper, body: t.clipNotAPaperBody, paper: null };
    case 'unavailable':
      return { tone: 'warn', heading: t.clipUnavailable, body: t.clipUnavailableBody, paper: null };
    case 'signed-out':
      return { tone: 'error', heading: t.clipSignedOut, body: t.clipSignedOutBody, paper: paperOf(outcome.paper) };
    case 'failed':
      return { tone: 'error', heading: t.clipFailed, body: outcome.message, paper: paperOf(outcome.paper) };
  }
}
