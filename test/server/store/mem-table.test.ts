import { describe, expect, it } from 'vitest';
import { MemTable } from '../../../server/store/mem-table.js';
import type { SaveRow } from '../../../server/store/rows.js';

const save = (account: number, challenge: number): SaveRow => ({
  id: `acc_${account}:chl_${challenge}`,
  accountId: `acc_${account}`,
  challengeId: `chl_${challenge}`,
  savedAt: '2026-11-01T00:00:00.000Z',
});
const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);

describe('a table in memory', () => {
  it('lists the rows under a key in the order they came, whether they were put before or after its first lookup', () => {
    const table = new MemTable('saves', 4);
    table.put(save(1, 1));
    expect(ids(table.where('challengeId', 'chl_1'))).toEqual(['acc_1:chl_1']);
    table.put(save(2, 1));
    table.put(save(3, 1));
    expect(ids(table.where('challengeId', 'chl_1'))).toEqual(['acc_1:chl_1', 'acc_2:chl_1', 'acc_3:chl_1']);
    table.delete('acc_1:chl_1');
    table.delete('acc_3:chl_1');
    expect(ids(table.where('challengeId', 'chl_1'))).toEqual(['acc_2:chl_1']);
    table.delete('acc_2:chl_1');
    expect(table.where('challengeId', 'chl_1')).toEqual([]);
    table.put(save(4, 1));
    expect(ids(table.where('challengeId', 'chl_1'))).toEqual(['acc_4:chl_1']);
  });

  it('moves a replaced row to the key it has now', () => {
    const table = new MemTable('saves', 4);
    table.put(save(1, 1));
    expect(ids(table.where('accountId', 'acc_1'))).toEqual(['acc_1:chl_1']);
    table.put({ ...save(1, 1), accountId: 'acc_9' });
    expect(table.where('accountId', 'acc_1')).toEqual([]);
    expect(ids(table.where('accountId', 'acc_9'))).toEqual(['acc_1:chl_1']);
  });

  it('holds a uniqueness rule over rows put before its first check, and follows later changes', () => {
    const table = new MemTable('saves', 4);
    table.put(save(1, 1));
    const twin = { ...save(1, 1), id: 'another' };
    expect(table.clash(twin)).toBe('saves_one_per_account');
    expect(table.clash(save(1, 1))).toBeUndefined();
    table.delete('acc_1:chl_1');
    expect(table.clash(twin)).toBeUndefined();
    table.put(twin);
    expect(table.clash(save(1, 1))).toBe('saves_one_per_account');
  });

  it("gives each shard exactly its rows, put before or after the first time they are asked for", () => {
    const table = new MemTable('saves', 4);
    for (let n = 0; n < 20; n++) table.put(save(n, 1));
    const shardOf = (n: number) => table.shardOf(save(n, 1).id);
    const expected = (count: number, shard: number) =>
      Array.from({ length: count }, (_, n) => n).filter((n) => shardOf(n) === shard).map((n) => save(n, 1).id).sort();
    for (let shard = 0; shard < 4; shard++) expect(ids(table.committedShard(shard)).sort()).toEqual(expected(20, shard));
    for (let n = 20; n < 30; n++) table.put(save(n, 1));
    table.delete(save(0, 1).id);
    for (let shard = 0; shard < 4; shard++) {
      expect(ids(table.committedShard(shard)).sort()).toEqual(expected(30, shard).filter((id) => id !== save(0, 1).id));
    }
  });
});
