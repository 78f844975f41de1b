import { describe, expect, it } from 'vitest';
import { conflictReason, sameOrganization } from '../../../../server/domain/evaluation/conflicts.js';

const bidder = (organization: string, displayName = 'Wang Hao', id = 'acc_wang') => ({ id, displayName, organization });
const none = { organizations: [], people: [] };

describe('sameOrganization', () => {
  it('matches names as people write them: case, spacing, full-width letters, and either part of a bilingual name', () => {
    expect(sameOrganization('Alpha Institute', 'alpha  institute')).toBe(true);
    expect(sameOrganization('ＭＩＴ', 'MIT')).toBe(true);
    expect(sameOrganization('Tsinghua University', '清华大学 自动化系 · Tsinghua University')).toBe(true);
    expect(sameOrganization('清华大学 材料学院 · Tsinghua University', '清华大学 自动化系 · Tsinghua University')).toBe(true);
  });

  it('does not match a name inside a longer word, nor an empty one', () => {
    expect(sameOrganization('MIT', 'Smith Laboratories')).toBe(false);
    expect(sameOrganization('Alpha Institute', 'Beta University')).toBe(false);
    expect(sameOrganization('', 'Beta University')).toBe(false);
  });
});

describe('conflictReason', () => {
  it('names the rule, never the bidder', () => {
    expect(conflictReason({ organization: 'Alpha Institute', conflicts: none }, bidder('Alpha Institute'))).toBe('The bidder is of your own organization');
    expect(conflictReason({ organization: 'Gamma Lab', conflicts: { organizations: ['Beta University'], people: [] } }, bidder('Beta University'))).toBe(
      'The bidder is of an organization you declared',
    );
    expect(conflictReason({ organization: 'Gamma Lab', conflicts: { organizations: [], people: ['wang hao'] } }, bidder('Delta'))).toBe('The bidder is a person you declared');
    expect(conflictReason({ organization: 'Gamma Lab', conflicts: { organizations: [], people: ['acc_wang'] } }, bidder('Delta', 'Someone'))).toBe('The bidder is a person you declared');
    expect(conflictReason({ organization: 'Gamma Lab', conflicts: { organizations: ['Epsilon'], people: ['Li Na'] } }, bidder('Delta'))).toBeNull();
  });
});
