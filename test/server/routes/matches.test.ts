import { describe, expect, it } from 'vitest';
import { testRuntime } from '../../support/runtime.js';
import { expectError, publishChallenge, register } from '../../support/scenario.js';

describe('GET /api/me/matches', () => {
  it('ranks open challenges from fields, keywords, subscriptions and papers, explaining each', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Enterprise', ['enterprise']);
    const researcher = await register(rt, 'Researcher', ['researcher']);
    const perovskite = await publishChallenge(rt, owner, {
      title: '钙钛矿太阳能电池封装',
      summary: '提高钙钛矿太阳能电池在湿热环境下的稳定性。',
      fields: ['new-materials'],
      keywords: ['钙钛矿'],
    });
    const battery = await publishChallenge(rt, owner, {
      title: 'Battery recycling at scale',
      summary: 'Recover lithium from retired battery packs economically.',
      fields: ['new-energy-vehicles'],
      keywords: ['recycling'],
    });
    const water = await publishChallenge(rt, owner, { title: 'Water leak detection', summary: 'Find leaks in city water mains quickly.', fields: ['smart-cities'], keywords: ['water'] });
    const closed = await publishChallenge(rt, owner, { title: 'Closed perovskite work', summary: 'Perovskite modules, already closed.', fields: ['new-materials'] });
    await rt.call('POST', `/api/challenges/${closed}/close`, { token: owner.token });

    await rt.call('PATCH', '/api/me', { token: researcher.token, body: { fields: ['smart-cities'] } });
    await rt.call('POST', '/api/me/subscriptions', { token: researcher.token, body: { keywords: 'battery recycling' } });
    await rt.call('POST', '/api/me/papers', {
      token: researcher.token,
      body: { url: 'https://example.org/p1', title: '钙钛矿太阳能电池的界面钝化', abstract: '我们研究了钙钛矿太阳能电池的稳定性。' },
    });

    const res = await rt.call('GET', '/api/me/matches', { token: researcher.token });
    expect(res.status).toBe(200);
    const byId = new Map(res.body.items.map((m: any) => [m.challenge.id, m]));
    expect([...byId.keys()].sort()).toEqual([perovskite, battery, water].sort());
    expect((byId.get(battery) as any).reasons.map((r: any) => r.source)).toContain('subscription');
    expect((byId.get(battery) as any).matchedTerms.join(' ')).toMatch(/battery recycling/i);
    expect((byId.get(perovskite) as any).reasons.map((r: any) => r.source)).toContain('paper');
    expect((byId.get(water) as any).reasons.map((r: any) => r.source)).toEqual(['field']);
    // Field-only interest is the weakest signal.
    expect(res.body.items.at(-1).challenge.id).toBe(water);
  });

  it('needs a signed-in caller', async () => {
    const rt = await testRuntime();
    expectError(await rt.call('GET', '/api/me/matches'), 401);
  });
});
