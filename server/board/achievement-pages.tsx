/** @jsxImportSource hono/jsx */
import { formatMoney } from '../../shared/format.js';
import type { Achievement } from '../../shared/schemas/achievement.js';
import type { Page } from '../../shared/schemas/common.js';
import { catalogueMessagesFor } from './catalogue-messages.js';
import { FieldChips } from './components.js';
import { contentLanguage, formatDate } from './format.js';
import { JsonLd } from './json-ld.js';
import { Layout } from './layout.js';
import type { BoardView } from './view.js';

/** schema.org: an achievement offered for transfer is a Product with an Offer (its asking price, if any). */
function achievementLd(a: Achievement, url: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    '@id': url,
    name: a.title,
    description: a.summary,
    category: a.fields,
    keywords: a.keywords.join(', '),
    brand: { '@type': 'Organization', name: a.institution },
    ...(a.patents.length > 0 ? { identifier: a.patents } : {}),
    offers: {
      '@type': 'Offer',
      availability: a.status === 'listed' ? 'https://schema.org/InStock' : 'https://schema.org/SoldOut',
      ...(a.askingPrice ? { price: a.askingPrice.amount, priceCurrency: a.askingPrice.currency } : {}),
    },
  };
}

function Facts({ view, a }: { view: BoardView; a: Achievement }) {
  const c = catalogueMessagesFor(view.locale);
  return (
    <dl class="facts">
      <div>
        <dt>{c.facts.institution}</dt>
        <dd lang={contentLanguage(a.institution)}>{a.institution}</dd>
      </div>
      <div>
        <dt>{c.facts.trl}</dt>
        <dd>{a.trl}</dd>
      </div>
      <div>
        <dt>{c.facts.ip}</dt>
        <dd>{c.ipStatus[a.ipStatus]}</dd>
      </div>
      <div>
        <dt>{c.facts.modes}</dt>
        <dd>{a.modes.map((m) => c.modes[m]).join(' · ')}</dd>
      </div>
      <div>
        <dt>{c.facts.price}</dt>
        <dd>{a.askingPrice ? formatMoney(a.askingPrice, view.locale) : c.facts.negotiable}</dd>
      </div>
    </dl>
  );
}

/** `/achievements`: listed achievements with search, newest listed first, with JSON-LD for each. */
export function AchievementListPage({ view, q, page, url }: { view: BoardView; q: string; page: Page<Achievement>; url: (id: string) => string }) {
  const c = catalogueMessagesFor(view.locale);
  return (
    <Layout view={view} title={c.list.title} section="achievements">
      <h1>{c.list.title}</h1>
      <p class="lead">{c.list.intro}</p>
      <form method="get" action="/achievements" role="search">
        <label>
          {c.list.searchLabel} <input type="search" name="q" value={q} />
        </label>
        {view.chosenLocale && <input type="hidden" name="lang" value={view.chosenLocale} />}
        <button type="submit">{c.list.submit}</button>
      </form>
      {page.items.length > 0 ? (
        <ol class="cards">
          {page.items.map((a) => (
            <li>
              <article class="card">
                <h3 lang={contentLanguage(a.title)}>
                  <a href={view.href(`/achievements/${encodeURIComponent(a.id)}`)}>{a.title}</a>
                </h3>
                <Facts view={view} a={a} />
                <FieldChips view={view} fields={a.fields} />
                <p class="summary" lang={contentLanguage(a.summary)}>
                  {a.summary}
                </p>
              </article>
            </li>
          ))}
        </ol>
      ) : (
        <p>{c.list.none}</p>
      )}
      {page.nextCursor && (
        <p class="more">
          <a href={view.href('/achievements', { q: q || undefined, cursor: page.nextCursor })}>{c.list.more}</a>
        </p>
      )}
      <JsonLd data={{ '@context': 'https://schema.org', '@type': 'ItemList', itemListElement: page.items.map((a, i) => ({ '@type': 'ListItem', position: i + 1, item: achievementLd(a, url(a.id)) })) }} />
    </Layout>
  );
}

/** `/achievements/{id}`: one achievement, its facts, description and cited papers, with JSON-LD. */
export function AchievementPage({ view, achievement: a, url }: { view: BoardView; achievement: Achievement; url: string }) {
  const c = catalogueMessagesFor(view.locale);
  return (
    <Layout view={view} title={a.title} section="achievements">
      <h1 lang={contentLanguage(a.title)}>{a.title}</h1>
      <p class="org">
        {c.facts.status}: {c.status[a.status]}
        {a.listedAt && (
          <>
            {' · '}
            {c.facts.listed} <time datetime={a.listedAt}>{formatDate(a.listedAt, view.locale)}</time>
          </>
        )}
      </p>
      <Facts view={view} a={a} />
      <FieldChips view={view} fields={a.fields} />
      <p class="summary" lang={contentLanguage(a.summary)}>
        {a.summary}
      </p>
      {a.description && (
        <div class="description" lang={contentLanguage(a.description)}>
          {a.description}
        </div>
      )}
      {a.patents.length > 0 && (
        <p>
          {c.facts.patents}: {a.patents.join(', ')}
        </p>
      )}
      {a.references.length > 0 && (
        <section>
          <h2>{c.facts.references}</h2>
          <ul>
            {a.references.map((r) => (
              <li lang={contentLanguage(r.title)}>{r.doi ? <a href={`https://doi.org/${encodeURIComponent(r.doi).replace(/%2F/g, '/')}`}>{r.title}</a> : r.title}</li>
            ))}
          </ul>
        </section>
      )}
      <JsonLd data={achievementLd(a, url)} />
    </Layout>
  );
}
