import { findTerms, type Lexicon } from '../../shared/lexicon/lexicon.js';
import { analyze, displayTerms, distinctKeys, REQUIRED_ROLES, type Term } from '../../shared/text.js';
import type { PaperRow } from '../store/rows.js';
import type { ChallengeIndex } from './challenge-index.js';
import { serverLexicon } from './lexicon.js';

/**
 * What a clipped paper contributes to matching: its salient terms only, never its whole abstract (whose
 * numbers, filler and field-wide words would match anything).
 */

/** The most distinctive words of a paper's title and abstract that join its keywords in the query. */
export const SALIENT_TERMS = 10;
/** Words in more than half the challenges say nothing about which one fits. */
const MAX_DOCUMENT_SHARE = 0.5;
/** Keywords are the authors' own summary: they count twice in the query. */
const KEYWORD_REPEAT = 2;

type PaperText = Pick<PaperRow, 'title' | 'abstract'> & Partial<Pick<PaperRow, 'keywords' | 'translatedTitle'>>;

interface Candidate {
  /** The keys it stands for. */
  keys: string[];
  /** A lexicon term's text, or null to show the keys as the text has them. */
  text: string | null;
  score: number;
}

/**
 * A query of the paper's salient terms: its keywords (twice: they outweigh the abstract), then the
 * {@link SALIENT_TERMS} terms of its title, translated title and abstract with the highest tf-idf against
 * the challenges in `index` — lexicon terms whole (钙钛矿, "solid-state electrolyte"), other words
 * apart; each only when some challenge has it (in its words or, for a lexicon term, a translation) and no
 * more than half do. Null when nothing is left.
 */
export function salientPaperQuery(paper: PaperText, index: ChallengeIndex, lexicon: Lexicon | null = serverLexicon()): string | null {
  const text = [paper.title, paper.translatedTitle ?? '', paper.abstract ?? ''].join('\n');
  const analysis = analyze(text);
  const documents = Math.max(index.size, 1);
  const idf = (df: number) => Math.log(1 + (documents - df + 0.5) / (df + 0.5));
  const common = (df: number) => df / documents > MAX_DOCUMENT_SHARE;

  const candidates = new Map<string, Candidate>();
  const inTerm = new Set<Term>();
  for (const found of lexicon ? findTerms(text, lexicon, analysis) : []) {
    const terms = analysis.filter((t) => t.role === 'core' && t.start >= found.start && t.end <= found.end);
    terms.forEach((t) => inTerm.add(t));
    const keys = [...new Set(terms.map((t) => t.key))];
    if (keys.length === 0) continue;
    // How many challenges could contain the term, in its words or a translation: the rarest key of each bounds it.
    const rarest = (of: readonly string[]) => Math.min(...of.map((key) => index.documentFrequency(key)));
    const df = Math.max(rarest(keys), ...found.translations.map((t) => rarest(distinctKeys(analyze(t.text), REQUIRED_ROLES))));
    if (df === 0 || common(df)) continue;
    const id = `term:${found.text.toLowerCase()}`;
    const seen = candidates.get(id);
    const weight = idf(df);
    if (seen) seen.score += weight;
    else candidates.set(id, { keys, text: found.text, score: weight });
  }
  for (const term of analysis) {
    if (term.role !== 'core' || inTerm.has(term)) continue;
    const df = index.documentFrequency(term.key);
    if (df === 0 || common(df)) continue;
    const id = `key:${term.key}`;
    const seen = candidates.get(id);
    if (seen) seen.score += idf(df);
    else candidates.set(id, { keys: [term.key], text: null, score: idf(df) });
  }
  const chosen = [...candidates.values()].sort((a, b) => b.score - a.score).slice(0, SALIENT_TERMS);
  const named = chosen.flatMap((c) => (c.text === null ? [] : [c.text]));
  const plainKeys = new Set(chosen.flatMap((c) => (c.text === null ? c.keys : [])));
  const words = plainKeys.size > 0 ? displayTerms(analysis.filter((t) => !inTerm.has(t)), plainKeys) : [];
  const keywords = (paper.keywords ?? []).flatMap((keyword) => Array<string>(KEYWORD_REPEAT).fill(keyword));
  const lines = [...keywords, ...named, ...words];
  return lines.length > 0 ? lines.join('\n') : null;
}
