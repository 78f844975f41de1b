import type { Locale } from '../../shared/schemas/common.js';

/** The board's language and whether the visitor picked it in the address (then every link carries it). */
export interface LocaleChoice {
  locale: Locale;
  explicit: boolean;
}

const SUPPORTED: readonly Locale[] = ['en', 'zh'];

const isLocale = (value: string | undefined): value is Locale => SUPPORTED.includes(value as Locale);

/**
 * `?lang=en|zh` first, then the best supported language of `Accept-Language` (by q-value, any region:
 * `zh-CN`, `zh-Hans-TW` and `zh` all mean Chinese), else English.
 */
export function chooseLocale(lang: string | undefined, acceptLanguage: string | undefined): LocaleChoice {
  if (isLocale(lang)) return { locale: lang, explicit: true };
  return { locale: fromAcceptLanguage(acceptLanguage ?? '') ?? 'en', explicit: false };
}

function fromAcceptLanguage(header: string): Locale | null {
  let best: { locale: Locale; q: number } | null = null;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (!isLocale(primary)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    // Ties keep the earlier entry: the header's order is the visitor's order of preference.
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { locale: primary, q };
  }
  return best?.locale ?? null;
}
