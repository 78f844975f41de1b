import { describe, expect, it } from 'vitest';
import { assignRanks, scoreBid, spreadOf, weightedScore } from '../../../../server/domain/evaluation/ranking.js';

const rubric = [
  { name: 'Feasibility', description: '', weight: 60, scale: { min: 1, max: 5 } as const },
  { name: 'Cost', description: '', weight: 40, scale: { min: 1, max: 5 } as const },
];
const sheet = (f: number, c: number) => ({ scores: [{ criterion: 'Feasibility', score: f, comment: '' }, { criterion: 'Cost', score: c, comment: '' }] });

describe('ranking arithmetic', () => {
  it('weights each review and averages the reviews to two decimals', () => {
    expect(weightedScore(rubric, sheet(4, 2))).toBe(3.2);
    expect(scoreBid(rubric, [sheet(4, 2), sheet(5, 3), sheet(3, 5)])).toEqual({
      weightedMean: 3.73,
      reviews: 3,
      criteria: [
        { criterion: 'Feasibility', weight: 60, mean: 4, min: 3, max: 5, stddev: 0.82 },
        { criterion: 'Cost', weight: 40, mean: 3.33, min: 2, max: 5, stddev: 1.25 },
      ],
    });
    expect(scoreBid(rubric, [])).toMatchObject({ weightedMean: null, reviews: 0, criteria: [{ mean: null, min: null, max: null, stddev: null }, {}] });
    expect(spreadOf([3, 3])).toEqual({ mean: 3, min: 3, max: 3, stddev: 0 });
  });

  it('ranks best first, ties sharing a rank, unreviewed bids last and unranked', () => {
    const ranked = assignRanks([{ id: 'a', weightedMean: 3 }, { id: 'b', weightedMean: null }, { id: 'c', weightedMean: 4.5 }, { id: 'd', weightedMean: 3 }]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([['c', 1], ['a', 2], ['d', 2], ['b', null]]);
  });
});
