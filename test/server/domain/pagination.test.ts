import { describe, expect, it } from 'vitest';
import { paginate } from '../../../server/domain/pagination.js';

const key = (n: number) => String(n).padStart(3, '0');

describe('paginate', () => {
  it('continues after the cursor item by key, even when that item is gone, in either direction', () => {
    const descending = [9, 8, 7, 6, 5, 4];
    const first = paginate(descending, { limit: 2 }, key);
    expect(first.items).toEqual([9, 8]);
    // 8 was deleted between the calls: the next page still starts after where it sorted.
    expect(paginate([9, 7, 6, 5, 4], { limit: 2, cursor: first.nextCursor! }, key).items).toEqual([7, 6]);

    const ascending = [1, 2, 3, 4, 5];
    const page = paginate(ascending, { limit: 2 }, key);
    expect(paginate([1, 3, 4, 5], { limit: 2, cursor: page.nextCursor! }, key).items).toEqual([3, 4]);
  });

  it('pages by offset without a key, and ends with a null cursor', () => {
    const one = paginate([1, 2, 3], { limit: 2 });
    const two = paginate([1, 2, 3], { limit: 2, cursor: one.nextCursor! });
    expect([one.items, two.items, two.nextCursor]).toEqual([[1, 2], [3], null]);
    expect(() => paginate([1, 2, 3], { limit: 2, cursor: one.nextCursor! }, key)).toThrow(/cursor/);
  });
});
