import { describe, expect, it } from 'vitest';
import { chooseLocale } from '../../../server/board/locale.js';
import { boardFixture } from './fixtures.js';

describe('board: language', () => {
  it('speaks Chinese with ?lang=zh and keeps the choice in its links', async () => {
    const { post, page } = await boardFixture();
    const challenge = await post({ title: 'Perovskite module stability', fields: ['new-materials'] }, { days: 12.5 });
    const { html, headers } = await page('/?lang=zh');
    expect(html).toContain('<html lang="zh-CN">');
    expect(headers.get('content-language')).toBe('zh-CN');
    expect(html).toContain('开放中的技术难题');
    expect(html).toContain('剩余 12 天');
    expect(html).toContain('新材料');
    expect(html).toContain('¥100,000');
    expect(html).toContain(`href="/challenges/${challenge.id}?lang=zh"`);
    expect(html).toContain('<input type="hidden" name="lang" value="zh"/>');
  });

  it('follows Accept-Language: zh-CN without adding lang to links', async () => {
    const { post, page } = await boardFixture();
    const challenge = await post({ title: 'Perovskite module stability' });
    const { html, headers } = await page('/', { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('开放中的技术难题');
    expect(html).toContain(`href="/challenges/${challenge.id}"`);
    expect(headers.get('vary')).toMatch(/accept-language/i);
  });

  it('lets ?lang= override Accept-Language, and defaults to English', async () => {
    const { page } = await boardFixture();
    const english = await page('/?lang=en', { 'accept-language': 'zh-CN' });
    expect(english.html).toContain('<html lang="en-GB">');
    expect(english.headers.get('content-language')).toBe('en-GB');
    expect((await page('/', { 'accept-language': 'fr-FR,de;q=0.8' })).html).toContain('Open challenges');
  });

  it('reads Accept-Language by q-value and region-free', () => {
    expect(chooseLocale(undefined, 'en-US,en;q=0.9,zh;q=0.8').locale).toBe('en');
    expect(chooseLocale(undefined, 'fr;q=1, zh-Hans-CN;q=0.7, en;q=0.5').locale).toBe('zh');
    expect(chooseLocale(undefined, 'zh-TW;q=0, en;q=0.1').locale).toBe('en');
    expect(chooseLocale(undefined, 'garbage;;;q=x').locale).toBe('en');
    expect(chooseLocale('xx', 'zh').locale).toBe('zh');
    expect(chooseLocale('zh', 'en')).toEqual({ locale: 'zh', explicit: true });
  });
});
