import { render, type ComponentChildren } from 'preact';
import { intlLocale } from '../../shared/format.js';
import { browserLocale, messagesFor } from '../lib/i18n.js';
import { createExtensionApi } from '../lib/session.js';
import { ExtensionContext } from './context.js';
import './styles.css';

/** Renders an extension page in the browser's language, with the API client of the configured server. */
export function mountPage(page: ComponentChildren): void {
  const locale = browserLocale();
  const t = messagesFor(locale);
  document.documentElement.lang = intlLocale(locale);
  document.title = t.appName;
  render(
    <ExtensionContext.Provider value={{ api: createExtensionApi(), locale, t }}>{page}</ExtensionContext.Provider>,
    document.getElementById('app')!,
  );
}
