import {
  bigramTokens,
  jiebaTokens,
  miniSearchRanker,
  plainBm25Ranker,
  relevanceSetSize,
  score,
  scoreProfiles,
  tenderlabRanker,
  type ProfileScores,
  type RelevanceScores,
} from './relevance/evaluate.js';
import type { BenchRow, BenchSection } from './table.js';

/**
 * `npm run eval` (or `npm run bench -- relevance`): the labelled relevance set (test/fixtures/relevance)
 * ranked by Tenderlab's search beside plain BM25 (the same index without translations), and, for Chinese
 * queries on Chinese challenges, beside MiniSearch tokenized by jieba's dictionary and by CJK bigrams; and
 * the researcher profiles ranked by the matching engine beside the same engine without translations.
 */
export const relevanceSection: BenchSection = {
  name: 'relevance',
  async run() {
    const size = relevanceSetSize();
    const benchmark = `relevance · ${size.queries} queries and profiles, ${size.challenges} challenges`;
    const ours = score(tenderlabRanker());
    const bm25 = score(plainBm25Ranker());
    const jieba = score(miniSearchRanker(jiebaTokens));
    const bigrams = score(miniSearchRanker(bigramTokens));
    const matching = scoreProfiles(undefined);
    const matchingPlain = scoreProfiles(null);
    const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
    const fixed = (x: number) => x.toFixed(3);
    const difference = (delta: number, format: (x: number) => string) =>
      delta === 0 ? 'level' : `${delta > 0 ? '+' : ''}${format === percent ? `${(100 * delta).toFixed(1)} pts` : delta.toFixed(3)}`;
    const row = (measure: string, pick: (s: RelevanceScores) => number, format: (x: number) => string, reference = bm25, name = 'plain BM25'): BenchRow => ({
      benchmark,
      measure,
      value: format(pick(ours)),
      reference: `${format(pick(reference))} (${name})`,
      comparison: difference(pick(ours) - pick(reference), format),
    });
    return [
      {
        benchmark,
        measure: 'judged pairs',
        value: String(size.judgedPairs),
        reference: `${size.crossLanguagePairs} across languages`,
        comparison: percent(size.crossLanguagePairs / size.judgedPairs),
      },
      row('nDCG@10', (s) => s.ndcg10, fixed),
      row('precision@5', (s) => s.precision5, fixed),
      row('cross-language recall@20', (s) => s.crossRecall20, percent),
      row('zh→zh nDCG@10', (s) => s.zhNdcg10, fixed, jieba, 'MiniSearch + jieba'),
      row('zh→zh nDCG@10', (s) => s.zhNdcg10, fixed, bigrams, 'MiniSearch + CJK bigrams'),
      row('zh→zh recall@20', (s) => s.zhRecall20, percent, jieba, 'MiniSearch + jieba'),
      row('zh→zh recall@20', (s) => s.zhRecall20, percent, bigrams, 'MiniSearch + CJK bigrams'),
      ...(
        [
          ['profiles: nDCG@10', (s: ProfileScores) => s.ndcg10, fixed],
          ['profiles: precision@5', (s: ProfileScores) => s.precision5, fixed],
          ['profiles: cross-language recall@20', (s: ProfileScores) => s.crossRecall20, percent],
        ] as const
      ).map(([measure, pick, format]): BenchRow => ({
        benchmark,
        measure,
        value: format(pick(matching)),
        reference: `${format(pick(matchingPlain))} (matching without translations)`,
        comparison: difference(pick(matching) - pick(matchingPlain), format),
      })),
    ];
  },
};
