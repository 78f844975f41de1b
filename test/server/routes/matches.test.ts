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

  it('says which keyword met which terms and through which translation, and ranks own keywords above papers', async () => {
    const rt = await testRuntime();
    const owner = await register(rt, 'Enterprise', ['enterprise']);
    const researcher = await register(rt, 'Researcher', ['researcher']);
    const steel = await publishChallenge(rt, owner, { title: '沿海桥梁耐候钢腐蚀防护', summary: '海洋大气环境下耐候钢桥梁的腐蚀规律。', fields: ['smart-cities'] });
    const protein = await publishChallenge(rt, owner, {
      title: 'Protein structure prediction for enzyme design',
      summary: 'Use AlphaFold to engineer thermostable enzymes; costs must be at least 2 times lower by 2019 standards.',
      fields: ['biotech'],
    });
    await rt.call('PATCH', '/api/me', { token: researcher.token, body: { keywords: ['weathering steel'] } });
    await rt.call('POST', '/api/me/papers', {
      token: researcher.token,
      body: {
        url: 'https://example.org/alphafold',
        title: 'Highly accurate protein structure prediction with AlphaFold',
        abstract: 'Using two methods we need at least 3 of 25 models; access costs were 15% lower in 2019.',
        keywords: ['protein structure prediction', 'AlphaFold'],
      },
    });

    const res = await rt.call('GET', '/api/me/matches', { token: researcher.token });
    expect(res.body.items.map((m: any) => m.challenge.id)).toEqual([steel, protein]);
    expect(res.body.items[0].reasons).toEqual([
      {
        source: 'keyword',
        label: 'weathering steel',
        terms: ['weathering steel'],
        translations: [{ term: 'weathering steel', translation: '耐候钢', origin: 'glossary' }],
      },
    ]);
    const paperReason = res.body.items[1].reasons[0];
    expect(paperReason.source).toBe('paper');
    expect(paperReason.terms).toEqual(expect.arrayContaining(['AlphaFold']));
    for (const term of res.body.items.flatMap((m: any) => m.matchedTerms)) expect(term).not.toMatch(/^(\d+|using|two|need|least|costs?|access)$/i);
  });

  it('needs a signed-in caller', async () => {
    const rt = await testRuntime();
    expectError(await rt.call('GET', '/api/me/matches'), 401);
  });
});
