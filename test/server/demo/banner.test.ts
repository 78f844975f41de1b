import { describe, expect, it } from 'vitest';
import { demoBanner, describeDataset } from '../../../server/demo/banner.js';
import { DEMO_DATASET, DEMO_PASSWORD } from '../../../server/demo/dataset.js';

describe('the demo banner', () => {
  it('says what was loaded, counted from the dataset', () => {
    expect(describeDataset(DEMO_DATASET)).toMatch(
      /^16 challenges \(12 open, 1 closing within a day, 2 awarded, 1 closed, 1 draft\) from 7 enterprises, 8 researchers, \d+ sealed bids, \d+ public questions$/,
    );
  });

  it('gives one enterprise and one researcher sign-in with the shared password', () => {
    const banner = demoBanner(DEMO_DATASET, { seeded: true, dataDir: './data-demo' });
    expect(banner).toContain('loaded into ./data-demo');
    expect(banner).toContain(DEMO_PASSWORD);
    expect(banner).toMatch(/enterprise {2}chen\.li@qiming-battery\.example/);
    expect(banner).toMatch(/researcher {2}lin\.wei@zju\.example/);
  });

  it('says when it reused a directory instead of loading', () => {
    expect(demoBanner(DEMO_DATASET, { seeded: false, dataDir: './data-demo' })).toContain('already in ./data-demo');
  });
});
