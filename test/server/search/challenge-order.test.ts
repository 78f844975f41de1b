import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHALLENGE_ORDERS, createChallengeOrders, type ChallengeOrderName } from '../../../server/search/challenge-order.js';
import type { ChallengeRow } from '../../../server/store/rows.js';
import { challengeRow } from './fixtures.js';

describe('challenge orders', () => {
  const status = fc.constantFrom<ChallengeRow['status']>('draft', 'open', 'closed', 'awarded', 'cancelled');
  const row = fc
    .record({
      id: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6'),
      status,
      day: fc.integer({ min: 1, max: 9 }),
      deadlineDay: fc.integer({ min: 10, max: 19 }),
      amount: fc.constantFrom(1000, 5000, 5000, 20000),
    })
    .map(({ id, status, day, deadlineDay, amount }) =>
      challengeRow({
        id,
        title: id,
        status,
        publishedAt: status === 'draft' ? null : `2026-03-0${day}T00:00:00.000Z`,
        deadline: `2026-04-${deadlineDay}T00:00:00.000Z`,
        reward: { amount, currency: 'CNY' },
      }),
    );
  const operation = fc.oneof(
    row.map((r) => ({ kind: 'upsert' as const, row: r })),
    fc.constantFrom('c1', 'c2').map((id) => ({ kind: 'remove' as const, id })),
  );

  it('keeps every published challenge sorted in each order through any sequence of commits', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 30 }), fc.array(fc.constantFrom<ChallengeOrderName>('newest', 'deadline', 'reward'), { minLength: 1, maxLength: 4 }), (ops, reads) => {
        const orders = createChallengeOrders();
        const current = new Map<string, ChallengeRow>();
        // Reads interleaved with writes, so some orders are built early and then maintained, others built late.
        ops.forEach((op, i) => {
          if (op.kind === 'upsert') {
            orders.upsert(op.row);
            current.set(op.row.id, op.row);
          } else {
            orders.remove(op.id);
            current.delete(op.id);
          }
          if (i % 7 === 0) [...orders.inOrder(reads[i % reads.length]!)];
        });
        for (const order of reads) {
          const expected = [...current.values()].filter((r) => r.status !== 'draft').sort(CHALLENGE_ORDERS[order]);
          expect([...orders.inOrder(order)]).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
