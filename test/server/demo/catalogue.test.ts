import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../server/demo/seed.js';
import { FakeClock } from '../../support/fake-clock.js';
import { testRuntime } from '../../support/runtime.js';

const HAN = /\p{Script=Han}/u;

describe('the demo catalogue (§8)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tenderlab-demo-catalogue-'));
    expect(await seedDemo(dataDir)).toBe(true);
  }, 120_000);
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('lists twelve or more achievements from six or more institutions, in both languages, with deals in and past their period', async () => {
    const rt = await testRuntime({ dataDir, clock: new FakeClock(new Date()) });
    const achievements = await rt.store.tables.achievements.all();
    const public_ = achievements.filter((a) => a.status !== 'draft');
    expect(public_.length).toBeGreaterThanOrEqual(12);
    expect(new Set(public_.map((a) => a.ownerId)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(public_.map((a) => a.institution)).size).toBeGreaterThanOrEqual(6);
    expect(public_.filter((a) => HAN.test(a.title)).length).toBeGreaterThanOrEqual(4);
    expect(public_.filter((a) => !HAN.test(a.title)).length).toBeGreaterThanOrEqual(4);

    const deals = (await rt.call('GET', '/api/deals')).body.items as { status: string; objectionCount: number }[];
    expect(deals.filter((d) => d.status === 'announced')).toHaveLength(2);
    expect(deals.filter((d) => d.status === 'transferred')).toHaveLength(1);
    expect(deals.some((d) => d.objectionCount > 0)).toBe(true);
    expect(achievements.filter((a) => a.status === 'transferred')).toHaveLength(1);
  });

  it('has achievements that answer open demo challenges', async () => {
    const rt = await testRuntime({ dataDir, clock: new FakeClock(new Date()) });
    const open = (await rt.store.tables.challenges.where('status', 'open')).filter((c) => Date.parse(c.deadline) > Date.now());
    let answered = 0;
    for (const challenge of open) {
      const owner = await rt.services.accounts.get(challenge.ownerId);
      const solutions = await rt.services.catalogueMatching.solutions(owner, challenge.id, { limit: 5 });
      if (solutions.items.length > 0) answered++;
    }
    expect(answered).toBeGreaterThanOrEqual(3);
  });
});
