import { describe, expect, it } from 'vitest';
import { fitHtml, MESSAGE_LIMIT } from '../../bot/html.js';

/** What Telegram's HTML parser would object to: a tag left open or closed out of order, or a broken entity. */
function unbalanced(html: string): string | null {
  const open: string[] = [];
  for (const [, closing, name] of html.matchAll(/<(\/?)([a-z-]+)[^>]*>/g)) {
    if (!closing) open.push(name!);
    else if (open.pop() !== name) return `</${name}> closes nothing open`;
  }
  if (open.length > 0) return `<${open.join('>, <')}> left open`;
  if (/&[a-z#0-9]*(?![a-z#0-9;])/i.test(html.replace(/&(lt|gt|amp|quot|#\d+);/g, ''))) return 'a broken entity';
  return null;
}

describe('fitHtml', () => {
  it('leaves a text that fits as it is', () => {
    const text = `<b>Title</b>\n${'x'.repeat(MESSAGE_LIMIT - 20)}`;
    expect(fitHtml(text)).toBe(text);
  });

  it('cuts at a line break, closes what is open and says it was cut', () => {
    const question = Array.from({ length: 80 }, (_, i) => `Line ${i} of a long question &amp; its details`).join('\n');
    const text = `💬 <b>Your question was answered</b>\n<i>${question}</i>\n\n<blockquote>${'An answer. '.repeat(400)}</blockquote>`;
    const fitted = fitHtml(text, 1000);
    expect(fitted.length).toBeLessThanOrEqual(1000);
    expect(fitted.endsWith('…</i>')).toBe(true);
    expect(text.startsWith(fitted.slice(0, -'…</i>'.length))).toBe(true);
    expect(unbalanced(fitted)).toBeNull();
  });

  it('never cuts inside a tag or an entity, even in one unbroken run', () => {
    for (let limit = 40; limit < 120; limit++) {
      const text = `<a href="https://tenderlab.example/c/1">${'&amp;&lt;x'.repeat(40)}</a>`;
      const fitted = fitHtml(text, limit);
      expect(fitted.length, `limit ${limit}`).toBeLessThanOrEqual(limit);
      expect(unbalanced(fitted), `limit ${limit}: ${fitted}`).toBeNull();
    }
  });

  it('keeps a surrogate pair whole', () => {
    const fitted = fitHtml('😀'.repeat(100), 52);
    expect(fitted).toBe(`${'😀'.repeat(25)}…`);
  });
});
