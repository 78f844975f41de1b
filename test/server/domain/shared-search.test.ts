import { describe, expect, it, vi } from 'vitest';
import { createSharedSearch } from '../../../server/domain/shared-search.js';
import type { ChallengeRow } from '../../../server/store/rows.js';
import type { Change } from '../../../server/store/store.js';

const NOW = Date.parse('2026-11-01T09:00:00.000Z');
const row = (id: string, status: ChallengeRow['status'], deadlineMs: number) =>
  ({ id, status, deadline: new Date(deadlineMs).toISOString() }) as ChallengeRow;

function harness(rows: ChallengeRow[]) {
  let listener: (changes: readonly Change[]) => void = () => {};
  const shared = createSharedSearch({ onCommit: (l) => ((listener = l), () => {}) });
  const search = vi.fn((filter: (row: ChallengeRow) => boolean) => rows.filter(filter));
  const open = (r: Readonly<ChallengeRow>) => r.status === 'open' && Date.parse(r.deadline) > at.getTime();
  let at = new Date(NOW);
  return {
    search,
    ask: (key = 'k', matches = open) => shared.rows(key, at, matches, search).map((r) => r.id),
    moveTo: (ms: number) => (at = new Date(ms)),
    commit: (table: Change['table']) => listener([{ table, id: 'x', before: null, after: null } as Change]),
  };
}

describe('createSharedSearch', () => {
  it('ranks once for every caller asking the same search, and apart for another key', () => {
    const h = harness([row('a', 'open', NOW + 60_000), row('b', 'closed', NOW - 1)]);
    expect(h.ask()).toEqual(['a']);
    expect(h.ask()).toEqual(['a']);
    expect(h.search).toHaveBeenCalledTimes(1);
    expect(h.ask('other', () => true)).toEqual(['a', 'b']);
    expect(h.search).toHaveBeenCalledTimes(2);
  });

  it('searches again after a commit to challenges, not after one to another table', () => {
    const rows = [row('a', 'open', NOW + 60_000)];
    const h = harness(rows);
    h.ask();
    h.commit('papers');
    h.ask();
    expect(h.search).toHaveBeenCalledTimes(1);
    rows.push(row('b', 'open', NOW + 120_000));
    h.commit('challenges');
    expect(h.ask()).toEqual(['a', 'b']);
    expect(h.search).toHaveBeenCalledTimes(2);
  });

  it('searches again once the first deadline among the open rows looked at passes, and not before', () => {
    const h = harness([row('soon', 'open', NOW + 1000), row('later', 'open', NOW + 60_000), row('gone', 'closed', NOW - 5000)]);
    expect(h.ask()).toEqual(['soon', 'later']);
    h.moveTo(NOW + 999);
    expect(h.ask()).toEqual(['soon', 'later']);
    expect(h.search).toHaveBeenCalledTimes(1);
    h.moveTo(NOW + 1000);
    expect(h.ask()).toEqual(['later']);
    expect(h.search).toHaveBeenCalledTimes(2);
  });

  it('counts the deadlines of rows the filter refused too: a closed-only search changes when an open one closes', () => {
    const h = harness([row('a', 'open', NOW + 1000), row('b', 'closed', NOW - 1)]);
    let at = NOW;
    const closed = (r: Readonly<ChallengeRow>) => r.status === 'closed' || Date.parse(r.deadline) <= at;
    expect(h.ask('closed', closed)).toEqual(['b']);
    h.moveTo((at = NOW + 1000));
    expect(h.ask('closed', closed)).toEqual(['a', 'b']);
  });

  it('does not answer a time before the one it was computed at from it', () => {
    const h = harness([row('a', 'open', NOW + 60_000)]);
    h.ask();
    h.moveTo(NOW - 1000);
    h.ask();
    expect(h.search).toHaveBeenCalledTimes(2);
  });
});
