import type { Author, Paper, PaperKind, PatentDetails } from '../schemas/paper.js';
import { withoutFragment } from './text.js';

/** Building the `Paper` every extractor returns, so all of them fill its fields the same way. */

/** What an extractor found; anything left out is absent from the page. */
export interface PaperFields {
  title: string;
  authors?: Author[];
  doi?: string | null;
  arxivId?: string | null;
  year?: number | null;
  venue?: string | null;
  abstract?: string | null;
  pdfUrl?: string | null;
  kind?: PaperKind;
  keywords?: string[];
  translatedTitle?: string | null;
  volume?: string | null;
  issue?: string | null;
  funding?: string[];
  patent?: PatentDetails | null;
}

/**
 * The `Paper` for `fields` found on the page at `url`: the core fields always present (null when
 * unknown), the optional ones only when the page gave them — so a page with nothing new to say gives the
 * same object it always did. `kind` appears only for patents; an article is the default.
 */
export function assembledPaper(url: string, fields: PaperFields): Paper {
  const paper: Paper = {
    url: withoutFragment(url),
    title: fields.title,
    authors: fields.authors ?? [],
    doi: fields.doi ?? null,
    arxivId: fields.arxivId ?? null,
    year: fields.year ?? null,
    venue: fields.venue || null,
    abstract: fields.abstract || null,
    pdfUrl: fields.pdfUrl || null,
    quote: null,
    note: null,
  };
  if (fields.kind === 'patent') paper.kind = 'patent';
  if (fields.keywords?.length) paper.keywords = fields.keywords;
  if (fields.translatedTitle) paper.translatedTitle = fields.translatedTitle;
  if (fields.volume) paper.volume = fields.volume;
  if (fields.issue) paper.issue = fields.issue;
  if (fields.funding?.length) paper.funding = fields.funding;
  if (fields.patent) paper.patent = fields.patent;
  return paper;
}
