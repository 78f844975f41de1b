import { describe, expect, it } from 'vitest';
import { deadlineTime } from '../../../server/domain/deadline-time.js';

describe('deadlineTime', () => {
  it('is the parsed deadline, the same on every call for one row', () => {
    const row = { deadline: '2026-03-01T12:00:00.000Z' };
    expect(deadlineTime(row)).toBe(Date.parse('2026-03-01T12:00:00.000Z'));
    expect(deadlineTime(row)).toBe(Date.parse('2026-03-01T12:00:00.000Z'));
  });

  it('parses again when the deadline of a known row object was changed in place', () => {
    const row = { deadline: '2026-03-01T12:00:00.000Z' };
    deadlineTime(row);
    row.deadline = '2027-01-01T00:00:00.000Z';
    expect(deadlineTime(row)).toBe(Date.parse('2027-01-01T00:00:00.000Z'));
  });

  it('keeps rows apart: two rows with different deadlines each get their own', () => {
    const a = { deadline: '2026-03-01T00:00:00.000Z' };
    const b = { deadline: '2026-04-01T00:00:00+08:00' };
    expect([deadlineTime(a), deadlineTime(b)]).toEqual([Date.parse(a.deadline), Date.parse(b.deadline)]);
  });
});
