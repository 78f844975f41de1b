import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DATASET, DEMO_PASSWORD } from '../../../server/demo/dataset.js';
import { seedDemo } from '../../../server/demo/seed.js';
import { DAY, FakeClock } from '../../support/fake-clock.js';
import { testRuntime } from '../../support/runtime.js';
import { tempDir } from '../../support/temp-dir.js';

const HAN = /\p{Script=Han}/u;

describe('seedDemo on an empty dir', () => {
  // Seeding takes a few seconds (scrypt hashes, a durable write per event): seed once, inspect many times.
  let dataDir: string;
  let seeded: boolean;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tenderlab-demo-'));
    seeded = await seedDemo(dataDir);
  }, 120_000);
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  /** The product on the seeded dir at the real time, as `npm run demo` starts it. */
  const open = () => testRuntime({ dataDir, clock: new FakeClock(new Date()) });

  it('loads a bilingual exchange with every kind of record', async () => {
    expect(seeded).toBe(true);
    const rt = await open();
    const challenges = await rt.store.tables.challenges.all();
    expect(challenges.length).toBeGreaterThanOrEqual(12);
    expect(new Set(challenges.flatMap((c) => c.fields)).size).toBeGreaterThanOrEqual(8);
    expect(challenges.filter((c) => HAN.test(c.title)).length).toBeGreaterThanOrEqual(5);
    expect(challenges.filter((c) => !HAN.test(c.title)).length).toBeGreaterThanOrEqual(5);
    expect(challenges.filter((c) => c.status === 'draft')).toHaveLength(1);
    expect(challenges.filter((c) => c.status === 'closed').length).toBeGreaterThanOrEqual(1);

    expect(await rt.store.tables.bids.count()).toBeGreaterThanOrEqual(15);
    expect(await rt.store.tables.questions.count()).toBeGreaterThanOrEqual(10);
    expect(await rt.store.tables.saves.count()).toBeGreaterThan(0);
    expect(await rt.store.tables.papers.count()).toBeGreaterThan(0);
    expect(await rt.store.tables.subscriptions.count()).toBeGreaterThan(0);
  });

  it('lists open challenges publicly, one of them closing within a day', async () => {
    const rt = await open();
    const open_ = await rt.call('GET', '/api/challenges?limit=100');
    expect(open_.body.items.length).toBeGreaterThanOrEqual(10);
    const soon = open_.body.items.filter((c: { deadline: string }) => Date.parse(c.deadline) - Date.now() < DAY);
    expect(soon).toHaveLength(1);
  });

  it('announces the award in /api/awards', async () => {
    const rt = await open();
    const awards = await rt.call('GET', '/api/awards');
    expect(awards.status).toBe(200);
    const lining = awards.body.items.find((a: { challengeTitle: string }) => a.challengeTitle === '转炉炉衬侵蚀在线监测与寿命预测');
    expect(lining.winner.displayName).toBe('赵磊 Zhao Lei');
    expect(lining.amount).toEqual({ amount: 420000, currency: 'CNY' });
    expect(lining.note).toContain('6.8 mm');
  });

  it('spreads dates over the past weeks and keeps every one in the past', async () => {
    const rt = await open();
    const now = Date.now();
    const published = (await rt.store.tables.challenges.all()).flatMap((c) => (c.publishedAt ? [Date.parse(c.publishedAt)] : []));
    expect(Math.min(...published)).toBeLessThan(now - 18 * DAY);
    expect(Math.max(...published)).toBeGreaterThan(now - 5 * DAY);
    const bids = await rt.store.tables.bids.all();
    expect(bids.every((b) => Date.parse(b.createdAt) <= now)).toBe(true);
    expect(new Set(bids.map((b) => b.createdAt.slice(0, 10))).size).toBeGreaterThan(5);
  });

  it('signs demo users in with the published password and shows them their drafts and bids', async () => {
    const rt = await open();
    const enterprise = DEMO_DATASET.accounts.find((a) => a.key === 'qiming')!;
    const researcher = DEMO_DATASET.accounts.find((a) => a.key === 'zhou')!;
    const owner = await rt.call('POST', '/api/auth/login', { body: { email: enterprise.email, password: DEMO_PASSWORD } });
    expect(owner.status).toBe(200);
    const mine = await rt.call('GET', '/api/challenges?owner=me&limit=100', { token: owner.body.token });
    expect(mine.body.items.some((c: { status: string }) => c.status === 'draft')).toBe(true);

    const bidder = await rt.call('POST', '/api/auth/login', { body: { email: researcher.email, password: DEMO_PASSWORD } });
    const bids = await rt.call('GET', '/api/me/bids', { token: bidder.body.token });
    expect(bids.body.items.length).toBeGreaterThanOrEqual(2);
    expect(bids.body.items.some((b: { revision: number }) => b.revision > 1)).toBe(true);
    expect(bids.body.items.some((b: { references: unknown[] }) => b.references.length > 0)).toBe(true);
  });

  it('has a blind-reviewed challenge with a public rubric, three reviewers (one recused) and their scores in the ranking', async () => {
    const rt = await open();
    const owner = DEMO_DATASET.accounts.find((a) => a.key === 'tongxin')!;
    const token = (await rt.call('POST', '/api/auth/login', { body: { email: owner.email, password: DEMO_PASSWORD } })).body.token;
    const mine = await rt.call('GET', '/api/challenges?owner=me&limit=100', { token });
    const judged = mine.body.items.find((c: { rubric: unknown[] }) => c.rubric.length > 0);
    expect(judged).toMatchObject({ title: 'Federated learning of chest CT nodule models across five hospitals', blind: true });
    const ranking = await rt.call('GET', `/api/challenges/${judged.id}/ranking`, { token });
    expect(ranking.body).toMatchObject({ reviewers: 3, complete: true });
    expect(ranking.body.items[0]).toMatchObject({ rank: 1, bidder: { displayName: '刘洋 Liu Yang' }, weightedMean: 4.33, reviews: 3 });
    expect(ranking.body.items[1]).toMatchObject({ rank: 2, bidder: { displayName: '王晓东 Wang Xiaodong' }, reviews: 2 });
    const reviewers = await rt.call('GET', `/api/challenges/${judged.id}/reviewers`, { token });
    const recused = reviewers.body.items.filter((r: { recusals: unknown[] }) => r.recusals.length > 0);
    expect(recused.map((r: any) => [r.reviewer.displayName, r.recusals[0].kind])).toEqual([['陈静 Chen Jing', 'auto']]);
    expect(await (await rt.app.request(`/challenges/${judged.id}?lang=en`)).text()).toContain('Privacy and compliance');
  });

  it('fills the public board', async () => {
    const rt = await open();
    const response = await rt.app.request('/', { headers: { 'accept-language': 'zh-CN' } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('钙钛矿太阳能电池湿热稳定性提升');
    expect(html).toContain('剩余');
    expect(html).not.toContain('动力电池极片涂布缺陷在线视觉检测');
    const awards = await (await rt.app.request('/awards?lang=en')).text();
    expect(awards).toContain('Low-cost in-field soil nitrate sensor for smallholder plots');
    expect(awards).not.toMatch(/<script/i);
  });

  it('does nothing the second time', async () => {
    const rt = await open();
    const counts = [await rt.store.tables.accounts.count(), await rt.store.tables.challenges.count()];
    await rt.close();
    expect(await seedDemo(dataDir)).toBe(false);
    const again = await open();
    expect([await again.store.tables.accounts.count(), await again.store.tables.challenges.count()]).toEqual(counts);
  });
});

describe('seedDemo on a dir with real data', () => {
  it('leaves it untouched', async () => {
    const dataDir = await tempDir();
    const rt = await testRuntime({ dataDir });
    const registered = await rt.call('POST', '/api/auth/register', {
      body: { roles: ['researcher'], displayName: 'Real User', email: 'real@user.example', password: 'a-real-password' },
    });
    expect(registered.status).toBe(201);
    await rt.close();
    expect(await seedDemo(dataDir)).toBe(false);
    const reopened = await testRuntime({ dataDir });
    expect(await reopened.store.tables.accounts.count()).toBe(1);
    expect(await reopened.store.tables.challenges.count()).toBe(0);
  });
});
