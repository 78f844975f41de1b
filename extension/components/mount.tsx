import { render, type ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { intlLocale } from '../../shared/format.js';
import type { ApiClient } from '../lib/api.js';
import { browserLocale, messagesFor } from '../lib/i18n.js';
import { localePreferenceItem, resolveLocale } from '../lib/locale.js';
import { createExtensionApi, refreshAccountLocale, sessionItem } from '../lib/session.js';
import { ExtensionContext, useStorageValue } from './context.js';
import './styles.css';

/**
 * Provides the API client and the reader's language to a page, and re-renders it in another language as
 * soon as the options' switch or the account's language changes. Signed in, it asks the server once for the
 * account's current language.
 */
export function ExtensionRoot({ api, children }: { api: ApiClient; children: ComponentChildren }) {
  const preference = useStorageValue(localePreferenceItem);
  const session = useStorageValue(sessionItem);
  const locale = resolveLocale(preference.value ?? 'auto', session.value?.account.locale, browserLocale());
  const env = useMemo(() => ({ api, locale, t: messagesFor(locale) }), [api, locale]);
  const token = session.value?.token;

  useEffect(() => {
    document.documentElement.lang = intlLocale(locale);
    document.title = env.t.appName;
  }, [locale]);

  useEffect(() => {
    if (token) void refreshAccountLocale(api);
  }, [token]);

  // Until both are read, the language is not known: rendering now would flash the wrong one.
  if (!preference.loaded || !session.loaded) return null;
  return <ExtensionContext.Provider value={env}>{children}</ExtensionContext.Provider>;
}

/** Renders an extension page in the reader's language, with the API client of the configured server. */
export function mountPage(page: ComponentChildren): void {
  render(<ExtensionRoot api={createExtensionApi()}>{page}</ExtensionRoot>, document.getElementById('app')!);
}
