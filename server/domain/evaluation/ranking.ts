import type { Criterion } from '../../../shared/schemas/rubric.js';
import type { ScoreRow } from '../../store/rows.js';

/** `n` to two decimals, the precision the ranking shows (3.2, not 3.2000000000000006). */
export const round2 = (n: number) => Math.round(n * 100) / 100;

/** One reviewer's weighted score of a bid: Σ score × weight / 100, criteria matched by name. */
export function weightedScore(rubric: readonly Criterion[], sheet: Pick<ScoreRow, 'scores'>): number {
  let total = 0;
  for (const c of rubric) total += (sheet.scores.find((s) => s.criterion === c.name)?.score ?? 0) * c.weight;
  return total / 100;
}

/** Mean, min, max and population standard deviation of some scores, null for none; means to two decimals. */
export function spreadOf(values: readonly number[]): { mean: number | null; min: number | null; max: number | null; stddev: number | null } {
  if (values.length === 0) return { mean: null, min: null, max: null, stddev: null };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { mean: round2(mean), min: Math.min(...values), max: Math.max(...values), stddev: round2(Math.sqrt(variance)) };
}

/**
 * The arithmetic of one bid's row in the ranking: the weighted mean over its reviews (each review's
 * Σ score × weight / 100, then their mean, to two decimals) and each criterion's spread.
 */
export function scoreBid(rubric: readonly Criterion[], sheets: readonly Pick<ScoreRow, 'scores'>[]) {
  const weightedMean = sheets.length === 0 ? null : round2(sheets.reduce((a, s) => a + weightedScore(rubric, s), 0) / sheets.length);
  const criteria = rubric.map((c) => ({
    criterion: c.name,
    weight: c.weight,
    ...spreadOf(sheets.flatMap((s) => s.scores.filter((e) => e.criterion === c.name).map((e) => e.score))),
  }));
  return { weightedMean, reviews: sheets.length, criteria };
}

/** Ranks by weighted mean, best first; unreviewed bids last, unranked; ties share a rank (1, 1, 3). */
export function assignRanks<T extends { weightedMean: number | null }>(rows: readonly T[]): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => (b.weightedMean ?? -1) - (a.weightedMean ?? -1));
  return sorted.map((row) => ({ ...row, rank: row.weightedMean === null ? null : 1 + sorted.filter((o) => (o.weightedMean ?? -1) > row.weightedMean!).length }));
}
