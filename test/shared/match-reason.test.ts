import { describe, expect, it } from 'vitest';
import { formatMatchReason } from '../../shared/match-reason.js';

describe('formatMatchReason', () => {
  it('names the interest and writes translated terms with ↔', () => {
    const reason = {
      source: 'subscription' as const,
      label: '钙钛矿 电池',
      terms: ['钙钛矿', '电池'],
      translations: [{ term: '钙钛矿', translation: 'perovskite', origin: 'glossary' as const }],
    };
    expect(formatMatchReason(reason, 'en')).toBe('Your subscription “钙钛矿 电池”: 钙钛矿 ↔ perovskite, 电池');
    expect(formatMatchReason(reason, 'zh')).toBe('你的订阅“钙钛矿 电池”：钙钛矿 ↔ perovskite、电池');
  });

  it('names the field of a field reason', () => {
    expect(formatMatchReason({ source: 'field', label: '新材料', terms: ['新材料'] }, 'zh')).toBe('你的领域：新材料');
  });
});
