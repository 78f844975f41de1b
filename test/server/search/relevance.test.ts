import { describe, expect, it } from 'vitest';
import { ndcgAt, precisionAt, recallCounts } from '../../../bench/relevance/metrics.js';
import {
  bigramTokens,
  jiebaTokens,
  miniSearchRanker,
  plainBm25Ranker,
  relevanceSetSize,
  rowOf,
  score,
  scoreProfiles,
  tenderlabRanker,
} from '../../../bench/relevance/evaluate.js';
import { buildChallengeIndex } from '../../../server/search/challenge-index.js';
import { analyze } from '../../../shared/text.js';
import { RELEVANCE_CHALLENGES } from '../../fixtures/relevance/challenges.js';
import { RELEVANCE_QUERIES } from '../../fixtures/relevance/queries.js';

/** A term shown as matched must carry a searchable word: not a number, a stop word or filler. */
const isContentTerm = (term: string) => analyze(term).some((t) => t.role === 'core');

describe('relevance metrics', () => {
  it('computes nDCG, precision and recall from graded judgments', () => {
    const judgments = { a: 2, b: 1, c: 0 };
    expect(ndcgAt(10, ['a', 'b'], judgments)).toBe(1);
    expect(ndcgAt(10, ['b', 'a'], judgments)).toBeCloseTo((1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3)));
    expect(precisionAt(5, ['a', 'c', 'x', 'b'], judgments)).toBe(2 / 5);
    expect(recallCounts(1, ['a', 'b'], ['a', 'b'])).toEqual({ found: 1, total: 2 });
  });
});

describe('relevance on the labelled set (floors: a regression fails here)', () => {
  it('is the size the evaluation needs: ≥ 200 judged pairs, ≥ a third across languages', () => {
    const size = relevanceSetSize();
    expect(size.judgedPairs).toBeGreaterThanOrEqual(200);
    expect(size.crossLanguagePairs * 3).toBeGreaterThanOrEqual(size.judgedPairs);
  });

  it('finds challenges across languages and ranks above plain BM25', () => {
    const ours = score(tenderlabRanker());
    const bm25 = score(plainBm25Ranker());
    expect(ours.crossRecall20).toBeGreaterThanOrEqual(0.8);
    expect(ours.ndcg10).toBeGreaterThanOrEqual(0.9);
    expect(ours.precision5).toBeGreaterThanOrEqual(0.4);
    expect(ours.ndcg10).toBeGreaterThan(bm25.ndcg10);
    expect(ours.precision5).toBeGreaterThan(bm25.precision5);
  });

  it('matches researcher profiles (keywords, subscriptions, papers) across languages, above matching without translations', () => {
    const ours = scoreProfiles(undefined);
    const plain = scoreProfiles(null);
    expect(ours.ndcg10).toBeGreaterThanOrEqual(0.9);
    expect(ours.precision5).toBeGreaterThanOrEqual(0.6);
    expect(ours.crossRecall20).toBeGreaterThanOrEqual(0.8);
    expect(ours.ndcg10).toBeGreaterThan(plain.ndcg10);
  });

  it('retrieves Chinese at least as well as MiniSearch with jieba or with CJK bigrams', () => {
    const ours = score(tenderlabRanker());
    for (const tokenize of [jiebaTokens, bigramTokens]) {
      const other = score(miniSearchRanker(tokenize));
      expect(ours.zhNdcg10).toBeGreaterThanOrEqual(other.zhNdcg10);
      expect(ours.zhRecall20).toBeGreaterThanOrEqual(other.zhRecall20);
    }
  });

  it('never shows a number, stop word or filler word as matched', () => {
    const index = buildChallengeIndex(RELEVANCE_CHALLENGES.map(rowOf));
    const queries = [...RELEVANCE_QUERIES.map((q) => q.text), 'we need at least 2 of the 3 costs, using 25 2019 access', '需要 2019年 的 3 个 方法'];
    for (const query of queries) {
      for (const hit of index.search(query)) {
        for (const term of hit.matchedTerms) expect(isContentTerm(term), `${term} for "${query}"`).toBe(true);
      }
    }
  });
});
