import { describe, expect, it } from 'vitest';
import { DAY } from '../../support/fake-clock.js';
import { testRuntime } from '../../support/runtime.js';
import { expectError, notificationsOf, publishChallenge, register } from '../../support/scenario.js';

const zhChallenge = {
  title: '钙钛矿太阳能电池湿热稳定性提升',
  summary: '寻求钙钛矿太阳能电池封装方案，通过1000小时湿热测试。',
  description: '我们需要低成本的封装工艺，保证组件在85℃/85%湿度下效率衰减小于5%。',
  fields: ['new-materials', 'energy'],
  keywords: ['钙钛矿', '封装'],
};
const enChallenge = {
  title: 'Recycling retired EV battery packs',
  summary: 'A process to recover lithium, nickel and cobalt from retired battery packs at scale.',
  description: 'Hydrometallurgical or direct recycling; target recovery above 95% for lithium.',
  fields: ['new-energy-vehicles', 'environment'],
  keywords: ['battery recycling'],
};
const unrelated = {
  title: 'Leak detection in city water mains',
  summary: 'Acoustic sensors and models to locate leaks in a municipal water network.',
  fields: ['smart-cities'],
  keywords: ['water'],
};

describe('subscriptions and the publish fan-out', () => {
  it('alerts a subscriber exactly once per matching challenge, in Chinese and English, and never for others', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Enterprise', ['enterprise']);
    const researcher = await register(rt, 'Researcher', ['researcher']);
    for (const body of [
      { keywords: '钙钛矿 太阳能电池' },
      { keywords: 'battery recycling, solid electrolyte' },
      { keywords: 'lithium', fields: ['new-energy-vehicles'] },
    ]) {
      expect((await rt.call('POST', '/api/me/subscriptions', { token: researcher.token, body })).status).toBe(201);
    }

    const zh = await publishChallenge(rt, owner, zhChallenge);
    const en = await publishChallenge(rt, owner, enChallenge);
    await publishChallenge(rt, owner, unrelated);

    const matches = (await notificationsOf(rt, researcher)).filter((n) => n.kind === 'match');
    expect(matches.map((n) => n.challengeId).sort()).toEqual([zh, en].sort());
    expect(await notificationsOf(rt, owner)).toEqual([]);
  });

  it('respects fields, minimum reward and pausing, and never alerts the owner', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Both Roles', ['enterprise', 'researcher']);
    const researcher = await register(rt, 'Researcher', ['researcher']);
    await rt.call('POST', '/api/me/subscriptions', { token: owner.token, body: { keywords: 'battery' } });
    const wrongField = await rt.call('POST', '/api/me/subscriptions', { token: researcher.token, body: { keywords: 'battery', fields: ['agriculture'] } });
    const tooCheap = await rt.call('POST', '/api/me/subscriptions', { token: researcher.token, body: { keywords: 'battery', minReward: 500000 } });
    const paused = await rt.call('POST', '/api/me/subscriptions', { token: researcher.token, body: { keywords: 'battery' } });
    expect((await rt.call('PATCH', `/api/me/subscriptions/${paused.body.id}`, { token: researcher.token, body: { active: false } })).body.active).toBe(false);

    await publishChallenge(rt, owner, { ...enChallenge, reward: { amount: 200000, currency: 'CNY' } });
    expect(await notificationsOf(rt, researcher)).toEqual([]);
    expect(await notificationsOf(rt, owner)).toEqual([]);

    await rt.call('PATCH', `/api/me/subscriptions/${tooCheap.body.id}`, { token: researcher.token, body: { minReward: 100000 } });
    const id = await publishChallenge(rt, owner, { ...enChallenge, reward: { amount: 200000, currency: 'CNY' } });
    expect((await notificationsOf(rt, researcher)).map((n) => n.challengeId)).toEqual([id]);
    expect(wrongField.status).toBe(201);
  });

  it('lists, validates and deletes subscriptions, only the caller’s own', async () => {
    const rt = await testRuntime();
    const a = await register(rt, 'A', ['researcher']);
    const b = await register(rt, 'B', ['researcher']);
    expectError(await rt.call('POST', '/api/me/subscriptions', { token: a.token, body: {} }), 422);
    expectError(await rt.call('POST', '/api/me/subscriptions', { token: a.token, body: { keywords: 'x', fields: ['nope'] } }), 422);
    const sub = await rt.call('POST', '/api/me/subscriptions', { token: a.token, body: { keywords: '电池 回收', fields: ['energy', 'energy'] } });
    expect(sub.body).toMatchObject({ keywords: '电池 回收', fields: ['energy'], minReward: null, active: true });
    expectError(await rt.call('PATCH', `/api/me/subscriptions/${sub.body.id}`, { token: b.token, body: { active: false } }), 404);
    expectError(await rt.call('DELETE', `/api/me/subscriptions/${sub.body.id}`, { token: b.token }), 404);
    expect((await rt.call('GET', '/api/me/subscriptions', { token: b.token })).body.items).toEqual([]);
    expect((await rt.call('DELETE', `/api/me/subscriptions/${sub.body.id}`, { token: a.token })).status).toBe(200);
    expect((await rt.call('GET', '/api/me/subscriptions', { token: a.token })).body.items).toEqual([]);
  });
});

describe('notifications API', () => {
  it('lists newest first with an unread filter and cursor, and marks read by id or all', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Enterprise', ['enterprise']);
    const researcher = await register(rt, 'Researcher', ['researcher']);
    await rt.call('POST', '/api/me/subscriptions', { token: researcher.token, body: { fields: ['energy'] } });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await publishChallenge(rt, owner, { ...zhChallenge, title: `钙钛矿 challenge ${i}` }));
      rt.clock.advance(1000);
    }
    const first = await rt.call('GET', '/api/me/notifications?limit=2', { token: researcher.token });
    expect(first.body.items.map((n: any) => n.challengeId)).toEqual([ids[4], ids[3]]);
    expect(first.body.unread).toBe(5);
    const second = await rt.call('GET', `/api/me/notifications?limit=2&cursor=${first.body.nextCursor}`, { token: researcher.token });
    expect(second.body.items.map((n: any) => n.challengeId)).toEqual([ids[2], ids[1]]);

    const read = await rt.call('POST', '/api/me/notifications/read', { token: researcher.token, body: { ids: [first.body.items[0].id] } });
    expect(read.body).toEqual({ updated: 1, unread: 4 });
    const unread = await rt.call('GET', '/api/me/notifications?unread=true&limit=50', { token: researcher.token });
    expect(unread.body.items).toHaveLength(4);
    expect(unread.body.items.every((n: any) => !n.read)).toBe(true);

    const outsider = await register(rt, 'Outsider', ['researcher']);
    expect((await rt.call('POST', '/api/me/notifications/read', { token: outsider.token, body: { ids: [unread.body.items[0].id] } })).body).toEqual({ updated: 0, unread: 0 });
    expect((await rt.call('POST', '/api/me/notifications/read', { token: researcher.token, body: { all: true } })).body).toEqual({ updated: 4, unread: 0 });
    expectError(await rt.call('GET', '/api/me/notifications', {}), 401);
  });
});

describe('search', () => {
  it('ranks as a user expects in both languages and combines q with filters and sorts', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Enterprise', ['enterprise']);
    const zh = await publishChallenge(rt, owner, zhChallenge);
    rt.clock.advance(1000);
    const en = await publishChallenge(rt, owner, enChallenge);
    rt.clock.advance(1000);
    const water = await publishChallenge(rt, owner, unrelated);
    const draft = await rt.call('POST', '/api/challenges', {
      token: owner.token,
      body: { ...enChallenge, title: 'Draft battery recycling plan', reward: { amount: 1 }, deadline: new Date(rt.clock.now().getTime() + DAY).toISOString() },
    });

    const ids = async (query: string) => (await rt.call('GET', `/api/challenges?${query}`)).body.items.map((c: any) => c.id);
    expect((await ids('q=' + encodeURIComponent('钙钛矿 太阳能电池')))[0]).toBe(zh);
    expect((await ids('q=recycled+batteries'))[0]).toBe(en);
    expect(await ids('q=battery+recycling')).not.toContain(draft.body.id);
    expect(await ids('q=' + encodeURIComponent('漏损 water leak'))).toEqual([water]);
    expect(await ids('q=battery&field=agriculture')).toEqual([]);
    expect(await ids('q=battery&minReward=99999999')).toEqual([]);
    expect(await ids('sort=newest')).toEqual([water, en, zh]);
  });
});

describe('across languages', () => {
  const tandem = {
    title: 'Scalable perovskite-silicon tandem solar modules',
    summary: 'Industrial routes to large-area tandem modules with certified efficiency and 25-year lifetime.',
    fields: ['energy'],
    keywords: ['tandem', 'module'],
  };
  const batteryPacks = {
    title: 'Solid-state electrolyte for fast-charging lithium battery packs',
    summary: 'An electrolyte that survives 4C charging in automotive packs without dendrites.',
    fields: ['new-energy-vehicles'],
    keywords: ['electrolyte'],
  };

  it('alerts the 钙钛矿 + 电池 subscriber on English perovskite and battery challenges, and says the rule', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Enterprise', ['enterprise']);
    const researcher = await register(rt, 'Researcher', ['researcher']);
    // As the bot saves `/subscribe 钙钛矿 电池`.
    const sub = await rt.call('POST', '/api/me/subscriptions', { token: researcher.token, body: { keywords: '钙钛矿 电池' } });
    expect(sub.status).toBe(201);
    expect(sub.body.rule).toContain('at least 1 of “钙钛矿”, “电池”');

    const first = await publishChallenge(rt, owner, tandem);
    const second = await publishChallenge(rt, owner, batteryPacks);
    await publishChallenge(rt, owner, unrelated);

    const alerted = (await notificationsOf(rt, researcher)).filter((n) => n.kind === 'match').map((n) => n.challengeId);
    expect(alerted.sort()).toEqual([first, second].sort());
  });

  it('alerts an English subscription with a field on a Chinese challenge', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Enterprise', ['enterprise']);
    const researcher = await register(rt, 'Researcher', ['researcher']);
    await rt.call('POST', '/api/me/subscriptions', { token: researcher.token, body: { keywords: 'perovskite encapsulation', fields: ['energy'] } });
    const zh = await publishChallenge(rt, owner, zhChallenge);
    await publishChallenge(rt, owner, enChallenge);
    expect((await notificationsOf(rt, researcher)).map((n) => n.challengeId)).toEqual([zh]);
  });

  it('finds the English tandem challenge for 钙钛矿, below a Chinese one that says 钙钛矿 itself', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Enterprise', ['enterprise']);
    const en = await publishChallenge(rt, owner, tandem);
    const zh = await publishChallenge(rt, owner, zhChallenge);
    await publishChallenge(rt, owner, unrelated);
    const found = await rt.call('GET', `/api/challenges?q=${encodeURIComponent('钙钛矿')}`);
    expect(found.body.items.map((c: any) => c.id)).toEqual([zh, en]);
  });

  it('states the rule in the subscriber’s language', async () => {
    const rt = await testRuntime();
    const researcher = await register(rt, 'Researcher', ['researcher']);
    await rt.call('PATCH', '/api/me', { token: researcher.token, body: { locale: 'zh' } });
    const sub = await rt.call('POST', '/api/me/subscriptions', { token: researcher.token, body: { keywords: 'graphene | 石墨烯', fields: ['new-materials'] } });
    expect(sub.body.rule).toBe('挑战含“graphene”，或含“石墨烯”即匹配；中英文均可（如 perovskite ↔ 钙钛矿），译文匹配排在原文之后。 限于领域：新材料。');
    const listed = await rt.call('GET', '/api/me/subscriptions', { token: researcher.token });
    expect(listed.body.items[0].rule).toBe(sub.body.rule);
  });
});
