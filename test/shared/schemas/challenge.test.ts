import { describe, expect, it } from 'vitest';
import { deadlineProblem, MAX_DEADLINE_AHEAD_MS } from '../../../shared/schemas/challenge.js';

describe('deadlineProblem', () => {
  const now = new Date('2026-11-01T09:00:00.000Z');
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();

  it('takes a deadline in the future and at most five years ahead', () => {
    expect(deadlineProblem(at(1), now)).toBeNull();
    expect(deadlineProblem('2031-11-01T09:00:00.000Z', now)).toBeNull();
    expect(deadlineProblem(at(MAX_DEADLINE_AHEAD_MS), now)).toBeNull();
  });

  it('calls a deadline now or earlier past, and one beyond five years too far', () => {
    expect(deadlineProblem(at(0), now)).toBe('past');
    expect(deadlineProblem(at(-1), now)).toBe('past');
    expect(deadlineProblem('not a date', now)).toBe('past');
    expect(deadlineProblem(at(MAX_DEADLINE_AHEAD_MS + 1), now)).toBe('too-far');
    expect(deadlineProblem('9999-12-31T23:00:00.000-05:00', now)).toBe('too-far');
  });
});
