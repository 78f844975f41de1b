import { deepStrictEqual } from 'node:assert/strict';
import { createChallengeScan, createChallengeIndex, type ChallengeSearchOptions } from '../server/search/challenge-index.js';
import { serverLexicon } from '../server/search/lexicon.js';
import { generateChallenges, generateQueries, type Language } from './corpus.js';
import { compare, formatBytes, formatCount, formatMs, percentile, retainedBytes, timeEach, timeOnce } from './measure.js';
import type { BenchRow, BenchSection } from './table.js';

const CHALLENGES = 10_000;
const QUERIES = 300;
const LIMIT = 20;

/**
 * Search over 10,000 generated bilingual challenges: the inverted index against a linear scan that
 * computes the same BM25F scores by visiting every challenge (both from pre-analyzed text, as a fair
 * scan would be), for the same queries, open challenges only, top 20, with translations (glossary +
 * CC-CEDICT) on. Every query's hits are checked to be identical, scores included, so the speed is not
 * bought with different answers. The index without translations is timed too, to show what they cost.
 */
export const searchSection: BenchSection = {
  name: 'search',
  async run() {
    const challenges = generateChallenges(CHALLENGES);
    const queries = generateQueries(QUERIES);
    const lexiconLoad = timeOnce(() => serverLexicon());

    const baseline = retainedBytes();
    const index = createChallengeIndex();
    const build = timeOnce(() => challenges.forEach((row) => index.upsert(row)));
    const indexBytes = retainedBytes() - baseline;
    const scan = createChallengeScan();
    const load = timeOnce(() => challenges.forEach((row) => scan.upsert(row)));
    const scanBytes = retainedBytes() - baseline - indexBytes;

    const options: ChallengeSearchOptions = { filter: (row) => row.status === 'open', limit: LIMIT };
    const indexTimes = timeEach(queries, (q) => index.search(q.text, options));
    const plain = createChallengeIndex(undefined, { lexicon: null });
    challenges.forEach((row) => plain.upsert(row));
    const plainTimes = timeEach(queries, (q) => plain.search(q.text, options));
    // Each query's fastest of five runs: its own cost, without the pauses a machine shared with other work
    // adds to single timings (the p99 above is of single timings).
    const fastestOf = (search: (text: string) => unknown) =>
      queries.map((q) => Math.min(...Array.from({ length: 5 }, () => timeOnce(() => search(q.text)).ms)));
    const indexFastest = fastestOf((text) => index.search(text, options));
    const plainFastest = fastestOf((text) => plain.search(text, options));
    const scanTimes = timeEach(queries, (q) => scan.search(q.text, options));
    let hits = 0;
    for (const query of queries) {
      const fromIndex = index.search(query.text, options);
      deepStrictEqual(fromIndex, scan.search(query.text, options), `index and scan disagree on "${query.text}"`);
      hits += fromIndex.length;
    }

    const size = `search · ${formatCount(CHALLENGES)} challenges`;
    const row = (measure: string, value: number, reference: number, format = formatMs): BenchRow => ({
      benchmark: size,
      measure,
      value: format(value),
      reference: format(reference),
      comparison: compare(value, reference),
    });
    const byLanguage = (language: Language) => {
      const picked = queries.flatMap((q, i) => (q.language === language ? [i] : []));
      return row(
        `query p50, ${language} (${picked.length})`,
        percentile(picked.map((i) => indexTimes[i]!), 50),
        percentile(picked.map((i) => scanTimes[i]!), 50),
      );
    };
    return [
      { ...row('build (analyze + index)', build.ms, load.ms), reference: `${formatMs(load.ms)} (scan: analyze only)`, comparison: '' },
      { ...row('memory', indexBytes, scanBytes, formatBytes), comparison: compare(indexBytes, scanBytes, ['smaller', 'larger']) },
      row(`query p50 (${QUERIES} queries, top ${LIMIT})`, percentile(indexTimes, 50), percentile(scanTimes, 50)),
      row('query p99', percentile(indexTimes, 99), percentile(scanTimes, 99)),
      {
        ...row('query p99 with translations', percentile(indexTimes, 99), percentile(plainTimes, 99)),
        reference: `${formatMs(percentile(plainTimes, 99))} (index without translations)`,
        comparison: compare(percentile(indexTimes, 99), percentile(plainTimes, 99)),
      },
      {
        ...row('query p99, fastest of 5 runs per query', percentile(indexFastest, 99), percentile(plainFastest, 99)),
        reference: `${formatMs(percentile(plainFastest, 99))} (index without translations)`,
      },
      { benchmark: size, measure: 'lexicon load (once per process)', value: formatMs(lexiconLoad.ms), reference: '', comparison: '' },
      byLanguage('en'),
      byLanguage('zh'),
      byLanguage('mixed'),
      {
        benchmark: size,
        measure: 'same hits and scores as the scan',
        value: `${QUERIES}/${QUERIES} queries`,
        reference: `${formatCount(hits)} hits compared`,
        comparison: 'identical',
      },
    ];
  },
};
