import { conceptsOf, type Concept } from '../../shared/lexicon/concepts.js';
import type { Lexicon, TranslationOrigin } from '../../shared/lexicon/lexicon.js';
import { analyze, QUERY_ROLES, type Term } from '../../shared/text.js';

/**
 * How a search query becomes weighted index keys: its own terms, and the translations of the lexicon
 * terms it contains (perovskite → 钙钛矿), which weigh less. Shared by the index and its linear-scan
 * reference so both score alike.
 */

/** The most distinct keys one query uses (hit bookkeeping keeps one bit per key in 32 bits). */
export const MAX_QUERY_TERMS = 32;
/** The most of them that are the query's own terms; the rest are left for translations. */
export const MAX_LITERAL_TERMS = 24;
/** Translations with a key in more than this share of the documents, and this many, are not used (see planQuery). */
const MAX_TRANSLATION_DF_SHARE = 0.2;
const MIN_COSTLY_POSTINGS = 500;
/** A cross-word CJK bigram is evidence of adjacency, worth half a word. */
const JOINT_WEIGHT = 0.5;
/**
 * What a translated term is worth beside the query's own: a reviewed glossary term half as much, a
 * general-dictionary sense (one of several a word may have) less.
 */
export const TRANSLATION_WEIGHT: Record<TranslationOrigin, number> = { glossary: 0.5, dictionary: 0.3 };

/** A translation that a hit contains, for the explanation: "perovskite ↔ 钙钛矿". */
export interface MatchedTranslation {
  /** The query's term as written. */
  term: string;
  /** Its translation that the hit contains. */
  translation: string;
  origin: TranslationOrigin;
}

interface PlannedTranslation {
  text: string;
  origin: TranslationOrigin;
  /** The query-key bits of its keys; 0 when some key is in no document or found no free bit (it can never be whole). */
  bits: number;
}

interface PlannedConcept {
  text: string;
  /** Idf weight of the concept's own keys, present in the index or not: what the concept is worth. */
  weight: number;
  translations: PlannedTranslation[];
}

/** A query ready to score: keys (bit i is key i), their weights, and how they add up to coverage. */
export interface QueryPlan {
  keys: string[];
  /**
   * BM25F weight per key: role weight × (1 + ln query tf) × idf; a translation's keys share their concept's
   * weight (by idf) times the translation weight.
   */
  weights: number[];
  /** Per key, the idf weight it adds to its concept when it is one of the query's own terms; 0 for translations. */
  literalWeights: number[];
  /** Per key, its concept. */
  conceptOf: number[];
  concepts: PlannedConcept[];
  totalWeight: number;
  /** Whether any translation is in use (otherwise coverage is just the literal share). */
  translated: boolean;
  /** The query's own terms, to show which of them a hit matched. */
  terms: Term[];
}

function idf(documentCount: number, df: number): number {
  return Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
}

interface Candidate {
  key: string;
  order: number;
  df: number;
  weight: number;
  concept: number;
}

/**
 * Plans `query` against an index of `documentCount` documents. The query's own keys: the
 * `maxTerms` (at most {@link MAX_LITERAL_TERMS}) most informative that the index contains; then, concept
 * by concept in order of weight, the keys of their translations (those a document can hold whole, and not
 * too common), up to {@link MAX_QUERY_TERMS} in all. Keys
 * no document contains still count in `totalWeight` (so "solid-state battery" is not covered by "state
 * battery"), except in a query too long to use whole, whose coverage is over the terms it used.
 */
export function planQuery(
  query: string,
  documentCount: number,
  documentFrequency: (key: string) => number,
  maxTerms: number,
  lexicon: Lexicon | null,
  origins: readonly TranslationOrigin[] = ['glossary', 'dictionary'],
): QueryPlan {
  const analysis = analyze(query);
  const terms = analysis.filter((term) => QUERY_ROLES.includes(term.role));
  const concepts: Concept[] = conceptsOf(query, analysis, QUERY_ROLES, lexicon);
  const conceptOfKey = new Map<string, number>();
  concepts.forEach((concept, i) => concept.keys.forEach((key) => conceptOfKey.set(key, i)));

  const stats = new Map<string, { count: number; roleWeight: number; order: number }>();
  for (const term of terms) {
    const roleWeight = term.role === 'joint' ? JOINT_WEIGHT : 1;
    const seen = stats.get(term.key);
    if (seen) {
      seen.count++;
      seen.roleWeight = Math.max(seen.roleWeight, roleWeight);
    } else stats.set(term.key, { count: 1, roleWeight, order: stats.size });
  }
  const candidates: Candidate[] = [...stats].map(([key, { count, roleWeight, order }]) => {
    const df = documentFrequency(key);
    return { key, order, df, weight: roleWeight * (1 + Math.log(count)) * idf(documentCount, df), concept: conceptOfKey.get(key)! };
  });
  const literalLimit = Math.min(maxTerms, MAX_LITERAL_TERMS);
  const kept = candidates
    .filter((c) => c.df > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .slice(0, literalLimit)
    .sort((a, b) => a.order - b.order);
  const counted = candidates.length <= literalLimit ? candidates : kept;

  const plan: QueryPlan = {
    keys: kept.map((c) => c.key),
    weights: kept.map((c) => c.weight),
    literalWeights: kept.map((c) => c.weight),
    conceptOf: kept.map((c) => c.concept),
    concepts: concepts.map((concept) => ({ text: concept.text, weight: 0, translations: [] })),
    totalWeight: counted.reduce((sum, c) => sum + c.weight, 0),
    translated: false,
    terms,
  };
  for (const c of counted) plan.concepts[c.concept]!.weight += c.weight;

  // Translations of the weightiest concepts first, while bits are left.
  const byWeight = concepts
    .map((concept, i) => ({ concept, i }))
    .filter(({ concept, i }) => concept.translations.length > 0 && plan.concepts[i]!.weight > 0)
    .sort((a, b) => plan.concepts[b.i]!.weight - plan.concepts[a.i]!.weight);
  const bitOf = new Map(plan.keys.map((key, bit) => [key, bit]));
  for (const { concept, i } of byWeight) {
    for (const translation of concept.translations) {
      if (!origins.includes(translation.origin)) continue;
      const dfs = translation.keys.map(documentFrequency);
      // A translation is in a text whole or not at all: one with a key no document has can never be. One
      // with a key in a fifth of the documents ("test" for 检测) tells little and costs a long posting scan.
      if (dfs.some((df) => df === 0 || df > Math.max(documentCount * MAX_TRANSLATION_DF_SHARE, MIN_COSTLY_POSTINGS))) continue;
      const newKeys = translation.keys.filter((key) => !bitOf.has(key));
      if (plan.keys.length + newKeys.length > MAX_QUERY_TERMS) continue;
      const idfs = dfs.map((df) => idf(documentCount, df));
      const idfTotal = idfs.reduce((sum, x) => sum + x, 0);
      // The translation's keys share the concept's weight by idf, so a term translated into two bigrams
      // weighs what the one word does.
      const scale = (TRANSLATION_WEIGHT[translation.origin] * plan.concepts[i]!.weight) / idfTotal;
      const planned: PlannedTranslation = { text: translation.text, origin: translation.origin, bits: 0 };
      translation.keys.forEach((key, k) => {
        let bit = bitOf.get(key);
        if (bit === undefined) {
          bit = plan.keys.length;
          bitOf.set(key, bit);
          plan.keys.push(key);
          plan.weights.push(scale * idfs[k]!);
          plan.literalWeights.push(0);
          plan.conceptOf.push(i);
        }
        planned.bits |= 1 << bit;
      });
      plan.concepts[i]!.translations.push(planned);
      plan.translated = true;
    }
  }
  return plan;
}

const conceptScratch: number[] = [];

/**
 * The share (0–1) of the query that a document whose matched keys are `bits` covers, given the literal
 * weight it matched: per concept, the larger of its own keys' weight and, when a translation is in the
 * document whole, the concept's weight times that translation's weight.
 */
export function coverageOf(plan: QueryPlan, bits: number, literalCovered: number): number {
  if (!plan.translated) return literalCovered / plan.totalWeight;
  const own = conceptScratch;
  own.length = plan.concepts.length;
  own.fill(0);
  for (let rest = bits >>> 0; rest !== 0; rest &= rest - 1) {
    const bit = 31 - Math.clz32(rest & -rest);
    own[plan.conceptOf[bit]!]! += plan.literalWeights[bit]!;
  }
  let covered = 0;
  plan.concepts.forEach((concept, i) => {
    let best = own[i]!;
    for (const translation of concept.translations) {
      if ((translation.bits & bits) === translation.bits) best = Math.max(best, TRANSLATION_WEIGHT[translation.origin] * concept.weight);
    }
    covered += best;
  });
  return covered / plan.totalWeight;
}

/**
 * Where key `term` adds its score among a document's score parts: two per concept, its own keys at 2c
 * and its translations' keys at 2c + 1 (see {@link scoreOfParts}).
 */
export function scorePartOf(plan: QueryPlan, term: number): number {
  return 2 * plan.conceptOf[term]! + (plan.literalWeights[term]! > 0 ? 0 : 1);
}

/**
 * A document's score from its `2 × conceptCount` parts at `offset`: per concept the larger of what its own
 * keys and its translations contribute, not their sum, so a text that says "battery recycling" and also
 * 电池回收 many times over does not outrank one that only says the query's words more prominently.
 */
export function scoreOfParts(parts: ArrayLike<number>, offset: number, conceptCount: number): number {
  let score = 0;
  for (let c = 0; c < conceptCount; c++) score += Math.max(parts[offset + 2 * c]!, parts[offset + 2 * c + 1]!);
  return score;
}

/** The translations a document with matched keys `bits` contains whole, in the query's order. */
export function translationsIn(plan: QueryPlan, bits: number): MatchedTranslation[] {
  const found: MatchedTranslation[] = [];
  for (const concept of plan.concepts) {
    for (const translation of concept.translations) {
      if ((translation.bits & bits) === translation.bits) {
        found.push({ term: concept.text, translation: translation.text, origin: translation.origin });
      }
    }
  }
  return found;
}
