/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { intlLocale } from '../../shared/format.js';
import type { Locale } from '../../shared/schemas/common.js';
import { catalogueMessagesFor } from './catalogue-messages.js';
import { BOARD_CSS } from './styles.js';
import type { BoardView } from './view.js';

/** The navigation entry the page belongs to (marked as current), if any. */
export type Section = 'challenges' | 'awards' | 'achievements' | 'deals' | null;

const LOCALES: readonly Locale[] = ['en', 'zh'];

/**
 * The page shell: `<html lang>`, the inline stylesheet, header navigation with the language switch, and
 * the footer. No script of any kind: the board works with links and GET forms alone.
 */
export function Layout({ view, title, section, children }: { view: BoardView; title: string; section: Section; children: Child }) {
  const { t } = view;
  const current = (s: Section) => (s === section ? 'page' : undefined);
  return (
    <html lang={intlLocale(view.locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={t.tagline} />
        {/* An empty icon: spares the browser a request that would only find the API's JSON 404. */}
        <link rel="icon" href="data:," />
        <title>{title === t.siteName ? title : `${title} · ${t.siteName}`}</title>
        {/* A constant written in this repository: no visitor or user text ever reaches it. */}
        <style dangerouslySetInnerHTML={{ __html: BOARD_CSS }} />
      </head>
      <body>
        <a class="skip" href="#content">
          {t.skipToContent}
        </a>
        <header class="site">
          <div class="wrap">
            <a class="brand" href={view.href('/')}>
              {t.siteName}
            </a>
            <nav class="main" aria-label={t.nav.label}>
              <a href={view.href('/')} aria-current={current('challenges')}>
                {t.nav.challenges}
              </a>
              <a href={view.href('/awards')} aria-current={current('awards')}>
                {t.nav.awards}
              </a>
              <a href={view.href('/achievements')} aria-current={current('achievements')}>
                {catalogueMessagesFor(view.locale).nav.achievements}
              </a>
              <a href={view.href('/deals')} aria-current={current('deals')}>
                {catalogueMessagesFor(view.locale).nav.deals}
              </a>
              <a href="/docs">{t.nav.api}</a>
            </nav>
            <nav class="lang" aria-label={t.languageLabel}>
              {LOCALES.map((locale) => (
                <a href={view.hrefIn(locale)} hreflang={intlLocale(locale)} lang={intlLocale(locale)} aria-current={locale === view.locale ? 'true' : undefined}>
                  {t.languageNames[locale]}
                </a>
              ))}
            </nav>
          </div>
        </header>
        <main id="content" class="wrap">
          {children}
        </main>
        <footer class="site">
          <div class="wrap">
            <p>
              {t.footer.sealed} {t.footer.takePart} <a href="/docs">{t.footer.apiDocs}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
