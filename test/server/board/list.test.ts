import { describe, expect, it } from 'vitest';
import { boardFixture } from './fixtures.js';

describe('board: open challenges at /', () => {
  it('lists open challenges as cards and never shows drafts', async () => {
    const { post, page } = await boardFixture();
    await post({ title: 'Perovskite module stability', summary: 'Keep perovskite modules above 90% efficiency for 1000 hours.', reward: { amount: 800000, currency: 'CNY' } }, { days: 12.5 });
    await post({ title: 'Secret draft challenge' }, { publish: false });

    const { status, html, headers } = await page('/');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Perovskite module stability');
    expect(html).toContain('Qiming Power Battery');
    expect(html).toContain('CN¥800,000');
    expect(html).toContain('12 days left');
    expect(html).toContain('Clean &amp; efficient energy');
    expect(html).not.toContain('Secret draft challenge');
  });

  it('draws the eye to the last 24 hours with the countdown’s urgent flag', async () => {
    const { post, page } = await boardFixture();
    await post({ title: 'Closing tonight' }, { days: 5.5 / 24 });
    await post({ title: 'Closing the day after tomorrow' }, { days: 30 / 24 });

    const { html } = await page('/');
    expect(html).toMatch(/<time [^>]*class="urgent"[^>]*>5 hours left<\/time>/);
    expect(html).toMatch(/<time (?![^>]*class=)[^>]*>30 hours left<\/time>/);
  });

  it('narrows the list by search words and by field', async () => {
    const { post, page } = await boardFixture();
    await post({ title: 'Perovskite module stability', fields: ['energy', 'new-materials'] });
    await post({ title: '智慧水务漏损检测', summary: '利用声学传感器和机器学习定位供水管网漏点。', fields: ['smart-cities'] });

    const searched = await page('/?q=perovskite');
    expect(searched.html).toContain('Perovskite module stability');
    expect(searched.html).not.toContain('智慧水务漏损检测');

    const chinese = await page(`/?q=${encodeURIComponent('漏损')}`);
    expect(chinese.html).toContain('智慧水务漏损检测');
    expect(chinese.html).not.toContain('Perovskite module stability');

    const byField = await page('/?field=smart-cities');
    expect(byField.html).toContain('智慧水务漏损检测');
    expect(byField.html).not.toContain('Perovskite module stability');
    expect(byField.html).toMatch(/<option value="smart-cities" selected/);
  });

  it('ignores an unknown field or sort instead of failing', async () => {
    const { post, page } = await boardFixture();
    await post({ title: 'Perovskite module stability' });
    const { status, html } = await page('/?field=astrology&sort=sideways');
    expect(status).toBe(200);
    expect(html).toContain('Perovskite module stability');
  });

  it('pages with a "more" link that carries the cursor and the filters', async () => {
    const { post, page, rt } = await boardFixture();
    for (let i = 1; i <= 13; i++) {
      await post({ title: `Battery challenge number ${i}` });
      rt.clock.advance(60_000);
    }
    const first = await page('/?field=energy&lang=en');
    const more = first.html.match(/<a href="(\/\?[^"]*cursor=[^"]*)">More challenges<\/a>/);
    expect(more).not.toBeNull();
    const href = more![1]!.replaceAll('&amp;', '&');
    expect(href).toContain('field=energy');
    expect(href).toContain('lang=en');
    const second = await page(href);
    expect(second.status).toBe(200);
    expect(second.html).toContain('Battery challenge number 1<');
    expect(second.html).not.toContain('More challenges');
  });

  it('answers a garbled cursor with a friendly page, not an error body', async () => {
    const { page } = await boardFixture();
    const { status, html } = await page('/?cursor=not-a-cursor');
    expect(status).toBe(400);
    expect(html).toContain('That link does not work');
  });
});
