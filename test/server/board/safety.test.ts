import { describe, expect, it } from 'vitest';
import { boardFixture } from './fixtures.js';

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';

describe('board: safety', () => {
  it('escapes user content everywhere and sends no script at all', async () => {
    const { services, post, researcher, enterprise, page } = await boardFixture();
    const challenge = await post({
      title: `Title ${HOSTILE}`,
      summary: `Summary ${HOSTILE}`,
      description: `Description ${HOSTILE}`,
      keywords: [HOSTILE.slice(0, 60)],
    });
    const question = await services.questions.ask(researcher, challenge.id, { text: `Question ${HOSTILE}` });
    await services.questions.answer(enterprise, question.id, { answer: `Answer ${HOSTILE}` });
    const bid = await services.bids.submit(researcher, challenge.id, {
      summary: 'A perfectly ordinary summary.',
      approach: 'A perfectly ordinary approach.',
      price: { amount: 1000, currency: 'CNY' },
      durationWeeks: 2,
    });
    await services.bids.award(enterprise, challenge.id, { bidId: bid.id, note: `Note ${HOSTILE}` });

    const pages = ['/', `/?q=${encodeURIComponent(HOSTILE)}`, `/challenges/${challenge.id}`, '/awards', '/challenges/%3Cscript%3E', `/?lang=zh&q=${encodeURIComponent('"><script>')}`];
    for (const path of pages) {
      const { html } = await page(path);
      expect(html, path).not.toMatch(/<script/i);
      expect(html, path).not.toMatch(/<img/i);
      // Any `<` left in the page starts a real tag (text is escaped) and quoted values cannot break out (`"` is
      // escaped too): with the values blanked, no tag may carry an event handler attribute.
      expect(html.replace(/"[^"]*"/g, '""'), path).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    }
    const { html } = await page(`/challenges/${challenge.id}`);
    expect(html).toContain('Title &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Answer &lt;script&gt;');
    expect(html).toContain('Note &lt;script&gt;');
  });

  it('is served under a CSP that forbids scripts', async () => {
    const { page } = await boardFixture();
    const { headers } = await page('/');
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
  });

  it('never shows a bid on any page', async () => {
    const { services, post, researcher, page } = await boardFixture();
    const challenge = await post({ title: 'Sealed bids challenge' });
    await services.bids.submit(researcher, challenge.id, {
      summary: 'SEALED-SUMMARY-MARKER of the proposal.',
      approach: 'SEALED-APPROACH-MARKER of the proposal.',
      price: { amount: 777777, currency: 'CNY' },
      durationWeeks: 4,
    });
    for (const path of ['/', `/challenges/${challenge.id}`, '/awards']) {
      const { html } = await page(path);
      expect(html).not.toContain('SEALED-');
      expect(html).not.toContain('777,777');
    }
    // Not even how many: the count stays sealed until the challenge closes.
    expect((await page(`/challenges/${challenge.id}`)).html).toContain('bids sealed until it closes');
    expect((await page(`/challenges/${challenge.id}`)).html).not.toContain('1 sealed bid');
  });
});
