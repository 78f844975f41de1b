import { storage } from 'wxt/utils/storage';
import type { Locale } from '../../shared/schemas/common.js';
import { sessionItem } from './session.js';

/** The reader's choice in the options: follow the account (`auto`), or always English or Chinese. */
export type LocalePreference = 'auto' | Locale;

/** The language switch of the options page (extension-private `storage.local`). */
export const localePreferenceItem = storage.defineItem<LocalePreference>('local:localePreference', { fallback: 'auto' });

/**
 * The language the extension speaks: the reader's explicit choice; else the signed-in account's language
 * (`locale` of `GET /api/me`), so a researcher whose account says `zh` reads Chinese in an English browser;
 * else the browser's.
 */
export function resolveLocale(preference: LocalePreference, accountLocale: Locale | undefined, browser: Locale): Locale {
  if (preference !== 'auto') return preference;
  return accountLocale ?? browser;
}

/** `resolveLocale` from what is stored now, for the background (which has no page to re-render). */
export async function storedLocale(browser: Locale): Promise<Locale> {
  const [preference, session] = await Promise.all([localePreferenceItem.getValue(), sessionItem.getValue()]);
  return resolveLocale(preference, session?.account.locale, browser);
}
