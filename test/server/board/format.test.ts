import { describe, expect, it } from 'vitest';
import { contentLanguage, formatDate, formatDateTime } from '../../../server/board/format.js';

describe('board formatting', () => {
  it('writes dates in Beijing time, saying so where there is a time', () => {
    expect(formatDateTime('2026-03-12T10:00:00Z', 'en')).toBe('12 Mar 2026, 18:00 GMT+8');
    expect(formatDateTime('2026-03-12T10:00:00Z', 'zh')).toBe('2026年3月12日 GMT+8 18:00');
    expect(formatDate('2026-03-12T20:00:00Z', 'en')).toBe('13 Mar 2026');
    expect(formatDate('2026-03-12T20:00:00Z', 'zh')).toBe('2026年3月13日');
  });

  it('marks Chinese content as Chinese', () => {
    expect(contentLanguage('钙钛矿 stability')).toBe('zh');
    expect(contentLanguage('Perovskite stability')).toBe('en');
  });
});
