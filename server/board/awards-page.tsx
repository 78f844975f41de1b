/** @jsxImportSource hono/jsx */
import { formatMoney } from '../../shared/format.js';
import type { Announcement } from '../../shared/schemas/challenge.js';
import type { Page } from '../../shared/schemas/common.js';
import { FieldChips, profileLine } from './components.js';
import { contentLanguage, formatDate } from './format.js';
import { Layout } from './layout.js';
import type { BoardView } from './view.js';

function AnnouncementCard({ view, item }: { view: BoardView; item: Announcement }) {
  const { t } = view;
  return (
    <article class="panel award">
      <h2 lang={contentLanguage(item.challengeTitle)}>
        <a href={view.href(`/challenges/${encodeURIComponent(item.challengeId)}`)}>{item.challengeTitle}</a>
      </h2>
      <dl class="grid-facts">
        <div>
          <dt>{t.award.winner}</dt>
          <dd>{profileLine(item.winner)}</dd>
        </div>
        <div>
          <dt>{t.award.enterprise}</dt>
          <dd>{profileLine(item.enterprise)}</dd>
        </div>
        <div>
          <dt>{t.award.amount}</dt>
          <dd>{formatMoney(item.amount, view.locale)}</dd>
        </div>
        <div>
          <dt>{t.award.date}</dt>
          <dd>
            <time datetime={item.awardedAt}>{formatDate(item.awardedAt, view.locale)}</time>
          </dd>
        </div>
      </dl>
      <FieldChips view={view} fields={item.fields} />
      {item.note && (
        <p class="note" lang={contentLanguage(item.note)}>
          <span class="muted">{t.award.note}: </span>
          {item.note}
        </p>
      )}
    </article>
  );
}

/** The public announcements of every award, newest first, with a "more" link. */
export function AwardsPage({ view, page }: { view: BoardView; page: Page<Announcement> }) {
  const { t } = view;
  return (
    <Layout view={view} title={t.awards.title} section="awards">
      <h1>{t.awards.title}</h1>
      <p class="lead">{t.awards.intro}</p>
      {page.items.length > 0 ? (
        <ol class="announcements">
          {page.items.map((item) => (
            <li>
              <AnnouncementCard view={view} item={item} />
            </li>
          ))}
        </ol>
      ) : (
        <p>{t.awards.none}</p>
      )}
      {page.nextCursor && (
        <p class="more">
          <a href={view.href('/awards', { cursor: page.nextCursor })}>{t.awards.more}</a>
        </p>
      )}
    </Layout>
  );
}
