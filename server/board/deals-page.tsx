/** @jsxImportSource hono/jsx */
import { formatMoney } from '../../shared/format.js';
import type { Page } from '../../shared/schemas/common.js';
import type { Deal } from '../../shared/schemas/deal.js';
import { catalogueMessagesFor } from './catalogue-messages.js';
import { Countdown, profileLine } from './components.js';
import { contentLanguage, formatDate } from './format.js';
import { JsonLd } from './json-ld.js';
import { Layout } from './layout.js';
import type { BoardView } from './view.js';

/** `/deals`: the public announcements (公示), each with its objection period's countdown and objection count. */
export function DealsPage({ view, page }: { view: BoardView; page: Page<Deal> }) {
  const c = catalogueMessagesFor(view.locale);
  const subjectHref = (d: Deal) =>
    d.achievementId ? view.href(`/achievements/${encodeURIComponent(d.achievementId)}`) : view.href(`/challenges/${encodeURIComponent(d.challengeId ?? '')}`);
  return (
    <Layout view={view} title={c.deals.title} section="deals">
      <h1>{c.deals.title}</h1>
      <p class="lead">{c.deals.intro}</p>
      {page.items.length > 0 ? (
        <ol class="announcements">
          {page.items.map((d) => (
            <li>
              <article class="panel award">
                <h2 lang={contentLanguage(d.title)}>
                  <a href={subjectHref(d)}>{d.title}</a>
                </h2>
                <p class="org">
                  {profileLine(d.owner)} · {c.deals.status[d.status]}
                </p>
                <dl class="grid-facts">
                  <div>
                    <dt>{c.deals.counterparty}</dt>
                    <dd lang={contentLanguage(d.counterparty)}>{d.counterparty}</dd>
                  </div>
                  <div>
                    <dt>{c.deals.mode}</dt>
                    <dd>{c.modes[d.mode]}</dd>
                  </div>
                  <div>
                    <dt>{c.deals.price}</dt>
                    <dd>{d.price ? formatMoney(d.price, view.locale) : c.facts.negotiable}</dd>
                  </div>
                  <div>
                    <dt>{c.deals.objectionsUntil}</dt>
                    <dd>
                      {d.status === 'announced' ? <Countdown view={view} deadline={d.objectionUntil} /> : <time datetime={d.objectionUntil}>{formatDate(d.objectionUntil, view.locale)}</time>}
                    </dd>
                  </div>
                  <div>
                    <dt>{c.deals.objections}</dt>
                    <dd>
                      {d.objectionCount}
                      {d.unresolvedObjections > 0 && ` (${c.deals.unresolved(d.unresolvedObjections)})`}
                    </dd>
                  </div>
                </dl>
              </article>
            </li>
          ))}
        </ol>
      ) : (
        <p>{c.deals.none}</p>
      )}
      {page.nextCursor && (
        <p class="more">
          <a href={view.href('/deals', { cursor: page.nextCursor })}>{c.deals.more}</a>
        </p>
      )}
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'ItemList',
          itemListElement: page.items.map((d, i) => ({
            '@type': 'ListItem',
            position: i + 1,
            item: {
              '@type': 'BuyAction',
              name: d.title,
              agent: { '@type': 'Organization', name: d.counterparty },
              seller: { '@type': 'Organization', name: d.owner.organization || d.owner.displayName },
              startTime: d.announcedAt,
              endTime: d.objectionUntil,
              actionStatus: d.status === 'transferred' ? 'https://schema.org/CompletedActionStatus' : 'https://schema.org/ActiveActionStatus',
              ...(d.price ? { price: d.price.amount, priceCurrency: d.price.currency } : {}),
            },
          })),
        }}
      />
    </Layout>
  );
}
