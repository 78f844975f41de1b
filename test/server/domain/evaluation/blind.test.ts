import { describe, expect, it } from 'vitest';
import { blindContent, identityRedactor } from '../../../../server/domain/evaluation/blind.js';

describe('identityRedactor', () => {
  it('replaces the name, its longer words and each part of the organization, as whole words only', () => {
    const redact = identityRedactor({ displayName: 'Alice Lin', organization: '浙江大学 · Zhejiang University' });
    expect(redact('Alice Lin (Zhejiang University) proposes a linear model; alice signs.')).toBe('[bidder] ([organization]) proposes a linear model; [bidder] signs.');
    expect(redact('浙江大学团队')).toBe('[organization]团队');
  });
});

describe('blindContent', () => {
  it('drops the authors of cited papers and redacts the texts', () => {
    const content = blindContent(
      {
        summary: 'By Alice',
        approach: 'Alice at Alpha Institute',
        milestones: [{ title: 'Alice builds it', weeks: 2, amount: null }],
        references: [{ paperId: 'ppr_1', title: 'Sensors', authors: [{ given: 'Alice', family: 'Smith' }], doi: null, arxivId: null, year: 2024, venue: null, url: null }],
      },
      { displayName: 'Alice', organization: 'Alpha Institute' },
    );
    expect(content).toEqual({
      summary: 'By [bidder]',
      approach: '[bidder] at [organization]',
      milestones: [{ title: '[bidder] builds it', weeks: 2, amount: null }],
      references: [{ paperId: null, title: 'Sensors', authors: [], doi: null, arxivId: null, year: 2024, venue: null, url: null }],
    });
  });
});
