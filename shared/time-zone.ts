import type { Locale } from './schemas/common.js';

/**
 * One clock: each person reads times in their own zone. An account may name an IANA zone (`timeZone`);
 * without one, its language decides — Chinese readers are almost all on Beijing time, English readers get
 * UTC, which at least is the same for all of them. Browser-safe (`Intl` only).
 */

/** The zone of a language's readers when their account names none. */
export const DEFAULT_TIME_ZONE: Record<Locale, string> = { en: 'UTC', zh: 'Asia/Shanghai' };

/** True for an IANA zone name `Intl` knows (`Europe/Berlin`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone someone reads times in: their account's, or their language's default. */
export function zoneOf(reader: { locale: Locale; timeZone?: string | null | undefined }): string {
  return reader.timeZone && isTimeZone(reader.timeZone) ? reader.timeZone : DEFAULT_TIME_ZONE[reader.locale];
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far `zone` is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  let format = offsetFormatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    offsetFormatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The last second (23:59:59) of the calendar day `year-month-day` in `zone`, as an instant. */
export function endOfDayIn(year: number, month: number, day: number, zone: string): Date {
  const wall = Date.UTC(year, month - 1, day, 23, 59, 59);
  // Twice: the first guess's offset may differ from the answer's across a daylight-saving change.
  const guess = wall - offsetAt(wall, zone);
  return new Date(wall - offsetAt(guess, zone));
}

/** The calendar date (year, month, day) of `instant` in `zone`. */
export function dateIn(instant: Date, zone: string): { year: number; month: number; day: number } {
  const shifted = new Date(instant.getTime() + offsetAt(instant.getTime(), zone));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}
