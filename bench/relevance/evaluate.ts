import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import MiniSearch from 'minisearch';
import { buildChallengeIndex } from '../../server/search/challenge-index.js';
import { rankMatches } from '../../server/search/matching.js';
import type { ChallengeRow, SubscriptionRow } from '../../server/store/rows.js';
import type { Lexicon } from '../../shared/lexicon/lexicon.js';
import { RELEVANCE_PROFILES, type RelevanceProfile } from '../../test/fixtures/relevance/profiles.js';
import { RELEVANCE_CHALLENGES, type RelevanceChallenge } from '../../test/fixtures/relevance/challenges.js';
import { RELEVANCE_QUERIES, type RelevanceQuery } from '../../test/fixtures/relevance/queries.js';
import { challengeRow } from '../../test/server/search/fixtures.js';
import { mean, ndcgAt, precisionAt, recallCounts } from './metrics.js';

/**
 * The relevance evaluation: every system ranks the challenges of the labelled set for every judged query,
 * and the same metrics are computed for each, so the figures sit side by side from one run.
 */

/** A ranking system: the ids of its top 20 for a query. */
export type Ranker = (query: RelevanceQuery) => string[];

/** What one system scores on the set. */
export interface RelevanceScores {
  /** Mean nDCG@10 over all queries, graded judgments. */
  ndcg10: number;
  /** Mean precision@5 over all queries. */
  precision5: number;
  /** Share of the relevant challenges in the other language than the query's found in the top 20 (micro). */
  crossRecall20: number;
  /** Chinese queries against the Chinese challenges only: mean nDCG@10 and micro recall@20. */
  zhNdcg10: number;
  zhRecall20: number;
}

/** The size of the set, as the issue asks it counted. */
export interface RelevanceSetSize {
  /** Search queries and researcher profiles. */
  queries: number;
  challenges: number;
  judgedPairs: number;
  crossLanguagePairs: number;
}

const TOP = 20;
const T0 = '2026-11-01T00:00:00.000Z';

/** A set challenge as a stored row (open, far deadline). */
export function rowOf(challenge: RelevanceChallenge): ChallengeRow {
  const { id, title, summary, fields, keywords } = challenge;
  return challengeRow({ id, title, summary, fields, keywords, deadline: '2030-01-01T00:00:00.000Z' });
}

const languageOf = new Map(RELEVANCE_CHALLENGES.map((c) => [c.id, c.language]));

/** The language a profile's own keywords are in: its matches in the other one are across languages. */
const profileLanguage = (profile: RelevanceProfile): 'en' | 'zh' => (/\p{sc=Han}/u.test(profile.keywords[0]!) ? 'zh' : 'en');

/** Counts of the set: queries and profiles, challenges, judged pairs and how many of them cross languages. */
export function relevanceSetSize(): RelevanceSetSize {
  const pairs = [
    ...RELEVANCE_QUERIES.flatMap((q) => Object.keys(q.judgments).map((id) => languageOf.get(id) !== q.language)),
    ...RELEVANCE_PROFILES.flatMap((p) => Object.keys(p.judgments).map((id) => languageOf.get(id) !== profileLanguage(p))),
  ];
  return {
    queries: RELEVANCE_QUERIES.length + RELEVANCE_PROFILES.length,
    challenges: RELEVANCE_CHALLENGES.length,
    judgedPairs: pairs.length,
    crossLanguagePairs: pairs.filter(Boolean).length,
  };
}

/** Scores `rank` on the set. */
export function score(rank: Ranker): RelevanceScores {
  const ndcg: number[] = [];
  const precision: number[] = [];
  const zhNdcg: number[] = [];
  let crossFound = 0;
  let crossTotal = 0;
  let zhFound = 0;
  let zhTotal = 0;
  for (const query of RELEVANCE_QUERIES) {
    const ranked = rank(query);
    ndcg.push(ndcgAt(10, ranked, query.judgments));
    precision.push(precisionAt(5, ranked, query.judgments));
    const relevant = Object.keys(query.judgments).filter((id) => query.judgments[id]! >= 1);
    const cross = recallCounts(TOP, ranked, relevant.filter((id) => languageOf.get(id) !== query.language));
    crossFound += cross.found;
    crossTotal += cross.total;
    if (query.language === 'zh') {
      const zhJudgments = Object.fromEntries(Object.entries(query.judgments).filter(([id]) => languageOf.get(id) === 'zh'));
      const zhRanked = ranked.filter((id) => languageOf.get(id) === 'zh');
      zhNdcg.push(ndcgAt(10, zhRanked, zhJudgments));
      const zh = recallCounts(TOP, zhRanked, relevant.filter((id) => languageOf.get(id) === 'zh'));
      zhFound += zh.found;
      zhTotal += zh.total;
    }
  }
  return {
    ndcg10: mean(ndcg),
    precision5: mean(precision),
    crossRecall20: crossTotal > 0 ? crossFound / crossTotal : 0,
    zhNdcg10: mean(zhNdcg),
    zhRecall20: zhTotal > 0 ? zhFound / zhTotal : 0,
  };
}

const rows = () => RELEVANCE_CHALLENGES.map(rowOf);

/** Tenderlab's search: BM25F with the lexicon's translations. */
export function tenderlabRanker(): Ranker {
  const index = buildChallengeIndex(rows());
  return (query) => index.search(query.text, { limit: TOP }).map((hit) => hit.id);
}

/** The baseline: the same BM25F index and analyzer with no translation. */
export function plainBm25Ranker(): Ranker {
  const index = buildChallengeIndex(rows(), { lexicon: null });
  return (query) => index.search(query.text, { limit: TOP }).map((hit) => hit.id);
}

const CJK_RUN = /[\p{sc=Han}]+/gu;
const LATIN_WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased Latin words and overlapping Han bigrams (a lone character stays whole): Lucene's CJK way. */
export function bigramTokens(text: string): string[] {
  const tokens = [...text.replace(CJK_RUN, ' ').matchAll(LATIN_WORD)].map((m) => m[0].toLowerCase());
  for (const [run] of text.matchAll(CJK_RUN)) {
    const chars = [...run];
    if (chars.length === 1) tokens.push(run);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  }
  return tokens;
}

let jieba: Jieba | null = null;

/** Jieba's search-mode words (its dictionary) for Han text, lower-cased Latin words for the rest. */
export function jiebaTokens(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba
    .cutForSearch(text, true)
    .map((token) => token.trim().toLowerCase())
    .filter((token) => /[\p{L}\p{N}]/u.test(token));
}

/** MiniSearch (BM25, title ×3 and keywords ×2 as Tenderlab weighs them) with the given tokenizer. */
export function miniSearchRanker(tokenize: (text: string) => string[]): Ranker {
  const search = new MiniSearch<{ id: string; title: string; summary: string; keywords: string }>({
    fields: ['title', 'keywords', 'summary'],
    tokenize,
    searchOptions: { boost: { title: 3, keywords: 2 }, combineWith: 'OR' },
  });
  search.addAll(RELEVANCE_CHALLENGES.map((c) => ({ id: c.id, title: c.title, summary: c.summary, keywords: c.keywords.join('\n') })));
  return (query) => search.search(query.text).slice(0, TOP).map((hit) => String(hit.id));
}

/** What matching scores on the set's researcher profiles. */
export interface ProfileScores {
  ndcg10: number;
  precision5: number;
  /** Relevant challenges in the other language than the profile's own keywords, found in its top 20 (micro). */
  crossRecall20: number;
}

const NOW = new Date('2026-11-02T00:00:00.000Z');

/**
 * Ranks the challenges for every profile with the matching engine (keywords, subscription, papers), with
 * `lexicon` for translations (null: matching without them, the baseline), and scores the rankings.
 */
export function scoreProfiles(lexicon: Lexicon | null | undefined): ProfileScores {
  const index = buildChallengeIndex(rows(), lexicon === undefined ? {} : { lexicon });
  const ndcg: number[] = [];
  const precision: number[] = [];
  let found = 0;
  let total = 0;
  for (const profile of RELEVANCE_PROFILES) {
    const subscriptions: SubscriptionRow[] = profile.subscription
      ? [{ id: `sub-${profile.id}`, accountId: profile.id, keywords: profile.subscription, fields: [], minReward: null, active: true, createdAt: T0, updatedAt: T0 }]
      : [];
    const papers = profile.papers.map((paper, i) => ({ ...paper, createdAt: `2026-10-${String(10 + i).padStart(2, '0')}T00:00:00.000Z` }));
    const ranked = rankMatches(
      index,
      { account: { id: profile.id, locale: 'en', fields: [], keywords: profile.keywords }, subscriptions, papers },
      { now: NOW, limit: TOP, ...(lexicon === undefined ? {} : { lexicon }) },
    ).map((match) => match.challengeId);
    ndcg.push(ndcgAt(10, ranked, profile.judgments));
    precision.push(precisionAt(5, ranked, profile.judgments));
    const relevant = Object.keys(profile.judgments).filter((id) => profile.judgments[id]! >= 1);
    const cross = recallCounts(TOP, ranked, relevant.filter((id) => languageOf.get(id) !== profileLanguage(profile)));
    found += cross.found;
    total += cross.total;
  }
  return { ndcg10: mean(ndcg), precision5: mean(precision), crossRecall20: total > 0 ? found / total : 0 };
}
