import { deepStrictEqual } from 'node:assert/strict';
import { buildChallengeIndex, type ChallengeIndex } from '../server/search/challenge-index.js';
import { createSubscriptionIndex, createSubscriptionScan } from '../server/search/subscription-index.js';
import type { ChallengeRow } from '../server/store/rows.js';
import { createRandom, generateChallenges, generateSubscriptions, type Specificity } from './corpus.js';
import { compare, formatBytes, formatCount, formatMs, percentile, retainedBytes, timeEach, timeOnce } from './measure.js';
import type { BenchRow, BenchSection } from './table.js';

const SUBSCRIPTIONS = 100_000;
const ACCOUNTS = 40_000;
/**
 * Publishes timed on each side. Translated keywords made each scan test costlier (~0.5 s a publish at 100,000
 * subscriptions), so 60 keeps the section within a few minutes while still giving a p99 over real spread.
 */
const PUBLISHES = 60;

function measurePopulation(
  specificity: Specificity,
  challengeIndex: ChallengeIndex,
  published: readonly ChallengeRow[],
): BenchRow[] {
  const subscriptions = generateSubscriptions(SUBSCRIPTIONS, ACCOUNTS, specificity);

  const baseline = retainedBytes();
  const index = createSubscriptionIndex({ termFrequency: (key) => challengeIndex.documentFrequency(key) });
  const build = timeOnce(() => subscriptions.forEach((sub) => index.upsert(sub)));
  const indexBytes = retainedBytes() - baseline;
  const scan = createSubscriptionScan();
  const load = timeOnce(() => subscriptions.forEach((sub) => scan.upsert(sub)));
  const scanBytes = retainedBytes() - baseline - indexBytes;

  const indexTimes = timeEach(published, (c) => index.match(c));
  const scanTimes = timeEach(published, (c) => scan.match(c));
  let alerted = 0;
  for (const challenge of published) {
    const fromIndex = index.match(challenge);
    deepStrictEqual(fromIndex, scan.match(challenge), `index and scan disagree on ${challenge.id}`);
    alerted += fromIndex.length;
  }

  const benchmark = `fan-out · ${formatCount(SUBSCRIPTIONS)} ${specificity} subscriptions`;
  const row = (measure: string, value: number, reference: number): BenchRow => ({
    benchmark,
    measure,
    value: formatMs(value),
    reference: formatMs(reference),
    comparison: compare(value, reference),
  });
  return [
    { ...row('build (analyze + index)', build.ms, load.ms), reference: `${formatMs(load.ms)} (scan: analyze only)`, comparison: '' },
    {
      benchmark,
      measure: 'memory',
      value: formatBytes(indexBytes),
      reference: formatBytes(scanBytes),
      comparison: compare(indexBytes, scanBytes, ['smaller', 'larger']),
    },
    row(`publish p50 (${PUBLISHES} publishes)`, percentile(indexTimes, 50), percentile(scanTimes, 50)),
    row('publish p99', percentile(indexTimes, 99), percentile(scanTimes, 99)),
    {
      benchmark,
      measure: 'same accounts alerted as the scan',
      value: `${PUBLISHES}/${PUBLISHES} publishes`,
      reference: `${formatCount(Math.round(alerted / PUBLISHES))} accounts per publish`,
      comparison: 'identical',
    },
  ];
}

/**
 * Fan-out of one publish against 100,000 subscriptions of 40,000 researchers: the subscription index
 * (phrases anchored on their rarest term by the challenge index's document frequencies, as the server
 * wires it) against a scan that tests every subscription by the same rules. Both times include analyzing
 * the published challenge. Two subscriber populations, because the index's gain depends on how many
 * accounts a publish alerts (work proportional to the output is the same for both): broad one-term
 * phrases and specific two-term phrases. Every publish is checked to alert exactly the same accounts with
 * the same terms.
 */
export const fanoutSection: BenchSection = {
  name: 'fanout',
  async run() {
    const challenges = generateChallenges(10_000);
    const challengeIndex = buildChallengeIndex(challenges);
    const published = createRandom(4).sample(
      challenges.filter((c) => c.status === 'open'),
      PUBLISHES,
    );
    return [
      ...measurePopulation('broad', challengeIndex, published),
      ...measurePopulation('specific', challengeIndex, published),
    ];
  },
};
