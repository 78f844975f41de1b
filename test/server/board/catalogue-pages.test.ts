import { describe, expect, it } from 'vitest';
import { testRuntime } from '../../support/runtime.js';
import { createAchievement, listAchievement } from '../../support/catalogue.js';
import { register } from '../../support/scenario.js';

const HOSTILE = '</script><script>alert(1)</script>';

/** The catalogue's board pages (§8): listed achievements, one achievement, the deals with their countdowns, JSON-LD data but no script. */
describe('catalogue board pages', () => {
  it('shows listed achievements and deals with schema.org JSON-LD, escapes hostile text and runs no script', async () => {
    const rt = await testRuntime();
    const lab = await register(rt, 'Dr Lab', ['researcher']);
    const id = await listAchievement(rt, lab, { title: `Membrane ${HOSTILE}`, institution: 'Coastal Lab' });
    const draft = await createAchievement(rt, lab, { title: 'Secret draft technology' });
    const deal = await rt.call('POST', `/api/achievements/${id}/deal`, { token: lab.token, body: { counterparty: `Buyer ${HOSTILE}`, mode: 'joint-rd', objectionDays: 15 } });
    expect(deal.status).toBe(201);

    for (const path of ['/achievements', `/achievements/${id}`, '/deals', '/achievements?lang=zh', '/deals?lang=zh']) {
      const res = await rt.app.request(path);
      const html = await res.text();
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-security-policy'), path).not.toContain('script-src');
      // The only script elements are JSON-LD data blocks, and no text closes one early.
      const scripts = html.match(/<script[^>]*>/gi) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toBe('<script type="application/ld+json">');
      expect(html.match(/<\/script>/gi)?.length, path).toBe(scripts.length);
      const data = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
      expect(data.every((d) => d['@context'] === 'https://schema.org'), path).toBe(true);
      expect(html, path).not.toContain('Secret draft technology');
    }
    const detail = await (await rt.app.request(`/achievements/${id}`)).text();
    expect(detail).toContain('Membrane &lt;/script&gt;');
    expect(detail).toContain('Coastal Lab');
    const deals = await (await rt.app.request('/deals')).text();
    expect(deals).toContain('<time datetime="' + deal.body.objectionUntil + '"');
    expect(deals).toContain('Buyer &lt;/script&gt;');
    expect((await rt.app.request(`/achievements/${draft}`)).status).toBe(404);
  });
});
