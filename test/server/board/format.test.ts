import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentLanguage, formatDate, formatDateTime } from '../../../server/board/format.js';
import { countIntlBuilds } from '../../support/intl-builds.js';

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

  it('builds one date formatter per language, not one per date', () => {
    const builds = countIntlBuilds('DateTimeFormat');
    for (let day = 1; day <= 28; day++) {
      formatDateTime(`2026-03-${String(day).padStart(2, '0')}T10:00:00Z`, 'en');
      formatDate(`2026-03-${String(day).padStart(2, '0')}T10:00:00Z`, 'zh');
    }
    expect(builds()).toBeLessThanOrEqual(2);
  });
});

afterEach(() => vi.unstubAllGlobals());
