import type { z } from 'zod';
import type { FieldId } from '../../shared/fields.js';
import { GLOSSARY } from '../../shared/lexicon/glossary.js';
import { suggestKeywords } from '../../shared/lexicon/suggest-keywords.js';
import type { AchievementCreateInput, IpStatus, TransferMode } from '../../shared/schemas/achievement.js';
import type { PaperRecord } from '../../shared/schemas/paper.js';
import type { Catalogue } from './i18n.js';
import type { FieldErrors } from './server-field-errors.js';
import { fieldErrors } from './validation.js';

/** The Offer form as typed: text as the reader left it, so nothing is lost when the schema or server says no. */
export interface AchievementDraft {
  title: string;
  summary: string;
  description: string;
  fields: FieldId[];
  keywords: string;
  trl: string;
  ipStatus: IpStatus;
  patents: string;
  modes: TransferMode[];
  negotiable: boolean;
  amount: string;
  currency: string;
  institution: string;
  paperIds: string[];
}

/** The schema allows 1,000 characters of summary; a longer abstract is cut at a sentence and kept whole as the description. */
const SUMMARY_MAX = 1000;
const KEYWORD_MAX = 60;
const KEYWORDS_PREFILLED = 12;
const FIELDS_GUESSED = 3;

/**
 * A draft prefilled from a clipped paper: its title; its abstract as the summary; its author keywords and
 * the glossary terms of title and abstract (with their translations) as keywords; the fields those terms
 * belong to; the paper itself as the reference; for a patent clip its number, whether it is granted (by
 * the office's kind code) and its first applicant as the institution, else the first author's affiliation.
 */
export function draftFromPaper(paper: PaperRecord): AchievementDraft {
  const abstract = paper.abstract?.trim() ?? '';
  const suggestions = suggestKeywords(paper.title, abstract, KEYWORDS_PREFILLED);
  const keywords = distinct([...(paper.keywords ?? []), ...suggestions.flatMap(({ term, translation }) => [term, translation])])
    .filter((keyword) => keyword.length <= KEYWORD_MAX)
    .slice(0, KEYWORDS_PREFILLED);
  const patentNumber = paper.kind === 'patent' ? (paper.patent?.number ?? null) : null;
  const summary = summaryOf(abstract);
  return {
    title: paper.title,
    summary,
    description: summary === abstract ? '' : abstract,
    fields: fieldsOf(suggestions.flatMap(({ term, translation }) => [term, translation])),
    keywords: keywords.join(', '),
    trl: '',
    ipStatus: patentNumber ? (isGrantNumber(patentNumber) ? 'patent-granted' : 'patent-pending') : 'none',
    patents: patentNumber ?? '',
    modes: [],
    negotiable: true,
    amount: '',
    currency: 'CNY',
    institution: (paper.kind === 'patent' ? paper.patent?.applicants[0] : undefined) ?? paper.authors.find((author) => author.affiliations?.length)?.affiliations?.[0] ?? '',
    paperIds: [paper.id],
  };
}

/** The draft as `AchievementCreateInput` expects it, for the shared schema to judge (blank numbers are missing). */
export function achievementInput(draft: AchievementDraft): AchievementCreateInput {
  return {
    title: draft.title,
    summary: draft.summary,
    description: draft.description,
    fields: draft.fields,
    keywords: listOf(draft.keywords, KEYWORD_SEPARATOR),
    trl: numberOrMissing(draft.trl) as number,
    ipStatus: draft.ipStatus,
    patents: listOf(draft.patents, PATENT_SEPARATOR),
    modes: draft.modes,
    askingPrice: draft.negotiable ? null : { amount: numberOrMissing(draft.amount) as number, currency: draft.currency },
    institution: draft.institution,
    paperIds: draft.paperIds,
  };
}

/**
 * Field errors keyed by the form's controls: an item's error (`patents.1`, `keywords.0`) is its list's, and
 * the schema's English-only custom messages for modes and patent numbers are worded in the reader's language.
 */
export function draftErrors(errors: FieldErrors, t: Catalogue): FieldErrors {
  const collapsed: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const [head, index] = path.split('.');
    if (head === 'patents' && index !== undefined) collapsed.patents ??= t.errorPatent;
    else if (head === 'modes') collapsed.modes ??= t.errorModes;
    else if (head === 'keywords' || head === 'paperIds') collapsed[head] ??= message;
    else collapsed[path] ??= message;
  }
  return collapsed;
}

/** `draftErrors` of a failed `safeParse`. */
export function schemaErrors(issues: readonly z.core.$ZodIssue[], t: Catalogue): FieldErrors {
  return draftErrors(fieldErrors(issues, t), t);
}

function summaryOf(abstract: string): string {
  if (abstract.length <= SUMMARY_MAX) return abstract;
  const head = abstract.slice(0, SUMMARY_MAX);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('。'));
  return sentenceEnd > SUMMARY_MAX / 3 ? head.slice(0, sentenceEnd + 1) : `${head.slice(0, SUMMARY_MAX - 1)}…`;
}

let fieldsByTerm: Map<string, FieldId[]> | null = null;

/** The fields whose glossary holds the most of `terms`, most first. */
function fieldsOf(terms: readonly string[]): FieldId[] {
  fieldsByTerm ??= GLOSSARY.reduce((map, { en, zh, field }) => {
    for (const term of [en.toLowerCase(), zh]) map.set(term, [...(map.get(term) ?? []), field]);
    return map;
  }, new Map<string, FieldId[]>());
  const votes = new Map<FieldId, number>();
  for (const term of terms) for (const field of new Set(fieldsByTerm.get(term.toLowerCase()))) votes.set(field, (votes.get(field) ?? 0) + 1);
  return [...votes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, FIELDS_GUESSED)
    .map(([field]) => field);
}

// Kind codes of granted rights: CN B/C (invention), U (utility model), S (design); US B1/B2, E (reissue),
// S (design); EP B1/B2. An A code, and every WO number, is an application.
const GRANT_NUMBER = /^(CN|ZL|US|EP)[\dA-Z.]*\d(B\d?|C\d?|U|S|E\d?)$/;

function isGrantNumber(number: string): boolean {
  return GRANT_NUMBER.test(number.toUpperCase().replace(/[\s,/]/g, ''));
}

/** `words` trimmed, without blanks or repeats (ignoring case), first spelling kept. */
function distinct(words: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const word of words.map((w) => w.trim())) if (word !== '' && !byKey.has(word.toLowerCase())) byKey.set(word.toLowerCase(), word);
  return [...byKey.values()];
}

/** Keywords typed in one box: separated by commas (either width), 、, semicolons or lines. */
const KEYWORD_SEPARATOR = /[,，、;；\n]/;
/** Patent numbers: a comma between digits ("US 10,123,456 B2") is the office's, not a separator. */
const PATENT_SEPARATOR = /[，、;；\n]|(?<!\d),|,(?!\d)/;

function listOf(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function numberOrMissing(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim().replace(/,/g, ''));
}
