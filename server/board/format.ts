import { cachedFormatter, intlLocale } from '../../shared/format.js';
import type { Locale } from '../../shared/schemas/common.js';

/**
 * Times on the board are shown in China Standard Time and say so: the page is rendered on the server,
 * which cannot know the visitor's zone, and the exchange's deadlines are set in Beijing time.
 */
const BOARD_TIME_ZONE = 'Asia/Shanghai';

/** A calendar date (`12 Mar 2026`, `2026年3月12日`). */
export function formatDate(iso: string, locale: Locale): string {
  return cachedFormatter(`board date ${locale}`, () =>
    new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: BOARD_TIME_ZONE }),
  ).format(new Date(iso));
}

/** A date and time with its zone, for deadlines (`12 Mar 2026, 18:00 GMT+8`, `2026年3月12日 GMT+8 18:00`). */
export function formatDateTime(iso: string, locale: Locale): string {
  const format = cachedFormatter(
    `board date-time ${locale}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZone: BOARD_TIME_ZONE,
        timeZoneName: 'short',
      }),
  );
  return format.format(new Date(iso));
}

const HAN = /\p{Script=Han}/u;

/**
 * The language a piece of user content is written in, as far as typography cares: Chinese when it has
 * Han characters. Marking it lets browsers pick Chinese glyphs and line breaking inside an English page.
 */
export function contentLanguage(text: string): 'zh' | 'en' {
  return HAN.test(text) ? 'zh' : 'en';
}
