import { describe, expect, it } from 'vitest';
import { testRuntime } from '../../support/runtime.js';
import { listAchievement } from '../../support/catalogue.js';
import { notificationsOf, publishChallenge, register } from '../../support/scenario.js';

/**
 * Two-sided matching (PRODUCT.md §8): a challenge's owner sees listed achievements that may answer it, an
 * achievement's owner sees open challenges it may answer, both with the words that met, across English and
 * Chinese; and the alerts each side's appearance owes, once.
 */
describe('two-sided matching', () => {
  it('finds pairs in both directions with the terms and translations that met, and ignores unrelated ones', async () => {
    const rt = await testRuntime();
    const [lab, buyer] = await Promise.all([register(rt, 'Dr Lab', ['researcher']), register(rt, 'Buyer Corp', ['enterprise'])]);
    // Chinese achievement, English challenge: they meet only in translation.
    const perovskite = await listAchievement(rt, lab!, {
      title: '钙钛矿太阳能电池封装技术',
      summary: '一种钙钛矿太阳能电池的封装工艺，湿热老化1000小时后效率保持90%以上',
      description: '',
      keywords: ['钙钛矿', '封装'],
      ipStatus: 'none',
      patents: [],
    });
    const unrelated = await listAchievement(rt, lab!, {
      title: 'Dairy cattle feed additive',
      summary: 'A probiotic additive that raises milk yield in dairy cattle',
      description: '',
      keywords: ['cattle', 'feed'],
      fields: ['agriculture'],
      ipStatus: 'none',
      patents: [],
    });
    const challenge = await publishChallenge(rt, buyer!); // "Low-cost perovskite encapsulation"

    const solutions = (await rt.call('GET', `/api/challenges/${challenge}/solutions`, { token: buyer!.token })).body.items;
    expect(solutions.map((s: { achievement: { id: string } }) => s.achievement.id)).toEqual([perovskite]);
    expect(solutions[0].reason.translations).toEqual(expect.arrayContaining([expect.objectContaining({ translation: '钙钛矿' })]));
    expect(solutions[0].reason.sharedFields).toContain('new-materials');

    const fits = (await rt.call('GET', `/api/achievements/${perovskite}/challenges`, { token: lab!.token })).body.items;
    expect(fits.map((f: { challenge: { id: string } }) => f.challenge.id)).toEqual([challenge]);
    // The achievement's Chinese terms met the English challenge in translation (钙钛矿太阳能电池 ↔ perovskite solar cell).
    expect(fits[0].reason.translations.some((t: { translation: string }) => t.translation.includes('perovskite'))).toBe(true);
    expect(fits[0].reason.translations.every((t: { term: string }) => /[\u4e00-\u9fff]/.test(t.term))).toBe(true);

    expect((await rt.call('GET', `/api/achievements/${unrelated}/challenges`, { token: lab!.token })).body.items).toEqual([]);
  });

  it("alerts an achievement's owner once when a matching challenge is published, and achievement subscribers when one is listed", async () => {
    const rt = await testRuntime();
    const [lab, buyer, scout, reader] = await Promise.all([
      register(rt, 'Dr Lab', ['researcher']),
      register(rt, 'Buyer Corp', ['enterprise']),
      register(rt, 'Scout Corp', ['enterprise']),
      register(rt, 'Dr Reader', ['researcher']),
    ]);
    const subscribe = async (who: typeof scout, target?: string) => {
      const res = await rt.call('POST', '/api/me/subscriptions', { token: who!.token, body: { keywords: 'perovskite', ...(target ? { target } : {}) } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    };
    await subscribe(scout, 'achievements');
    await subscribe(reader); // challenges only, the default
    const achievement = await listAchievement(rt, lab!, {
      title: 'Perovskite encapsulation by atomic layer deposition',
      summary: 'An ALD alumina barrier that keeps perovskite cells stable through damp heat',
      keywords: ['perovskite', 'encapsulation'],
      ipStatus: 'none',
      patents: [],
    });
    expect((await notificationsOf(rt, scout!)).map((n) => [n.kind, n.achievementId])).toEqual([['achievement-match', achievement]]);
    expect(await notificationsOf(rt, reader!)).toEqual([]);

    const challenge = await publishChallenge(rt, buyer!);
    expect((await notificationsOf(rt, lab!)).map((n) => [n.kind, n.challengeId, n.achievementId])).toEqual([['solution-match', challenge, achievement]]);
    // The subscriber who targets achievements only is not alerted on the challenge; the default one is.
    expect((await notificationsOf(rt, scout!)).map((n) => n.kind)).toEqual(['achievement-match']);
    expect((await notificationsOf(rt, reader!)).map((n) => n.kind)).toEqual(['match']);
  });
});
