/**
 * Ranking metrics over graded judgments (0 = not relevant, 1 = partly, 2 = fully; unjudged = 0).
 */

/** Judgments of one query: document id → grade. */
export type Judgments = Readonly<Record<string, number>>;

/** nDCG@k with gains 2^grade − 1; 0 when the query has nothing relevant. */
export function ndcgAt(k: number, ranked: readonly string[], judgments: Judgments): number {
  const gain = (grade: number) => 2 ** grade - 1;
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + gain(judgments[id] ?? 0) / Math.log2(i + 2), 0);
  const ideal = Object.values(judgments)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, grade, i) => sum + gain(grade) / Math.log2(i + 2), 0);
  return ideal > 0 ? dcg / ideal : 0;
}

/** The share of the first k ranks holding a relevant document (grade ≥ 1); a short list counts its gaps as misses. */
export function precisionAt(k: number, ranked: readonly string[], judgments: Judgments): number {
  return ranked.slice(0, k).filter((id) => (judgments[id] ?? 0) >= 1).length / k;
}

/** Found and total relevant documents among `wanted` in the first k ranks, to sum over queries (micro recall). */
export function recallCounts(k: number, ranked: readonly string[], wanted: readonly string[]): { found: number; total: number } {
  const top = new Set(ranked.slice(0, k));
  return { found: wanted.filter((id) => top.has(id)).length, total: wanted.length };
}

/** The mean of `values` (0 for none). */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
