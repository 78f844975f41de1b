import { describe, expect, it } from 'vitest';
import { hasVisibleText, KeywordList, Money, text, trimText } from '../../../shared/schemas/common.js';

describe('text', () => {
  const name = text(1, 80);
  const optional = text(0, 120);

  it('trims white space and zero-width characters at the ends, keeping those inside', () => {
    expect(name.parse('\u200b\ufeff Ada \u2060\u200d')).toBe('Ada');
    expect(name.parse('Zero\u200bwidth\u200djoiner')).toBe('Zero\u200bwidth\u200djoiner');
    expect(name.parse('I ❤️')).toBe('I ❤️');
  });

  it('refuses text with nothing visible, saying so', () => {
    for (const blank of ['', '   ', '\u200b\u200b', '\u200c\u200d\u2060\ufeff', '\u00ad\u2061\u2062', '\u2800\u3000', '\t\n\u0000']) {
      const result = name.safeParse(blank);
      expect(result.success, JSON.stringify(blank)).toBe(false);
      expect(result.error?.issues.map((i) => i.message), JSON.stringify(blank)).toEqual(['must contain visible characters, not only spaces or invisible ones']);
    }
  });

  it('lets optional text be empty, and zero-width-only text becomes empty', () => {
    expect(optional.parse('')).toBe('');
    expect(optional.parse('\u200b \u200b')).toBe('');
    expect(optional.safeParse('\u2061').success).toBe(false);
  });

  it('accepts back whatever it produced', () => {
    for (const raw of [' Padded ', '\u200bx\u200b', '钙钛矿', 'e\u0301', 'Lone \ud800 half']) {
      const once = name.parse(raw);
      expect(name.parse(once)).toBe(once);
    }
  });
});

describe('hasVisibleText and trimText', () => {
  it('see letters, digits, symbols and emoji as visible; spaces and default-ignorables as not', () => {
    for (const visible of ['a', '7', '¥', '电', '🧪', 'ـ']) expect(hasVisibleText(visible), visible).toBe(true);
    for (const invisible of [' ', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00a0', '\u180e', '\ufe0f']) expect(hasVisibleText(invisible), escape(invisible)).toBe(false);
    expect(trimText('\u200b a \u200b')).toBe('a');
  });
});

describe('KeywordList', () => {
  it('drops blank and zero-width-only keywords and refuses invisible ones', () => {
    expect(KeywordList.parse(['\u200b\u200b', ' glass ', '', '\u200bglass', '电池'])).toEqual(['glass', '电池']);
    const invisible = KeywordList.safeParse(['ok', '\u2061\u2062']);
    expect(invisible.success).toBe(false);
    expect(invisible.error?.issues[0]?.path).toEqual([1]);
  });
});

describe('Money', () => {
  it('is at least 0.01 with at most two decimals', () => {
    for (const amount of [0.01, 0.07, 19.99, 1234567.89, 999999999999.99, 1e12]) {
      expect(Money.parse({ amount, currency: 'USD' }).amount, String(amount)).toBe(amount);
    }
    for (const amount of [5e-324, 0, -0, 0.001, 0.009, 100.005, 10.123, -5, 1e12 + 0.01, 1e13]) {
      const result = Money.safeParse({ amount, currency: 'USD' });
      expect(result.success, String(amount)).toBe(false);
      expect(result.error?.issues[0]?.path, String(amount)).toEqual(['amount']);
    }
  });

  it('rounds floating-point noise to the cent rather than refusing it', () => {
    expect(Money.parse({ amount: 0.1 + 0.2, currency: 'USD' }).amount).toBe(0.3);
    expect(Money.parse({ amount: 1.1 * 3, currency: 'USD' }).amount).toBe(3.3);
  });
});
