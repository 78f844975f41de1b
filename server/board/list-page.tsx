/** @jsxImportSource hono/jsx */
import { FIELDS, fieldLabel } from '../../shared/fields.js';
import type { Challenge, ChallengeSort } from '../../shared/schemas/challenge.js';
import type { Page } from '../../shared/schemas/common.js';
import { ChallengeCard } from './components.js';
import { Layout } from './layout.js';
import { listParams, type BoardListQuery } from './list-query.js';
import type { BoardView } from './view.js';

const SORTS_WITHOUT_SEARCH: readonly ChallengeSort[] = ['newest', 'deadline', 'reward'];
const SORTS_WITH_SEARCH: readonly ChallengeSort[] = ['relevance', ...SORTS_WITHOUT_SEARCH];

function SearchForm({ view, query }: { view: BoardView; query: BoardListQuery }) {
  const { t } = view;
  const sorts = query.q ? SORTS_WITH_SEARCH : SORTS_WITHOUT_SEARCH;
  const sort = query.sort && sorts.includes(query.sort) ? query.sort : sorts[0];
  return (
    <form class="search" method="get" action="/" role="search">
      {view.chosenLocale && <input type="hidden" name="lang" value={view.chosenLocale} />}
      <div>
        <label for="q">{t.list.searchLabel}</label>
        <input type="search" id="q" name="q" value={query.q} placeholder={t.list.searchPlaceholder} maxlength={200} />
      </div>
      <div>
        <label for="field">{t.list.fieldLabel}</label>
        <select id="field" name="field">
          <option value="">{t.list.allFields}</option>
          {FIELDS.map((f) => (
            <option value={f.id} selected={f.id === query.field}>
              {f[view.locale]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="sort">{t.list.sortLabel}</label>
        <select id="sort" name="sort">
          {sorts.map((s) => (
            <option value={s} selected={s === sort}>
              {t.sorts[s]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t.list.submit}</button>
    </form>
  );
}

/** One chip per field; following one filters by it (keeping the search), following the active one clears it. */
function FieldFilter({ view, query }: { view: BoardView; query: BoardListQuery }) {
  const keep = listParams(query);
  return (
    <nav aria-label={view.t.list.filterByField}>
      <ul class="chips">
        <li>
          <a class="chip" href={view.href('/', { ...keep, field: undefined })} aria-current={query.field ? undefined : 'true'}>
            {view.t.list.allFields}
          </a>
        </li>
        {FIELDS.map((f) => (
          <li>
            <a
              class="chip"
              href={view.href('/', { ...keep, field: f.id === query.field ? undefined : f.id })}
              aria-current={f.id === query.field ? 'true' : undefined}
            >
              {f[view.locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The home page: open challenges with search, field filter, sort and a "more" link. */
export function ListPage({ view, query, page }: { view: BoardView; query: BoardListQuery; page: Page<Challenge> }) {
  const { t } = view;
  const filtered = Boolean(query.q || query.field);
  return (
    <Layout view={view} title={t.list.title} section="challenges">
      <h1>{t.list.title}</h1>
      <p class="lead">{t.tagline}</p>
      <SearchForm view={view} query={query} />
      <FieldFilter view={view} query={query} />
      {filtered && (
        <p class="summary-line">
          {[query.q && t.list.resultsFor(query.q), query.field && t.list.inField(fieldLabel(query.field, view.locale))].filter(Boolean).join(' · ')}
          {' — '}
          <a href={view.href('/')}>{t.list.clear}</a>
        </p>
      )}
      {page.items.length > 0 ? (
        <ul class="cards">
          {page.items.map((challenge) => (
            <li>
              <ChallengeCard view={view} challenge={challenge} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.list.none}</p>
      )}
      {page.nextCursor && (
        <p class="more">
          <a href={view.href('/', { ...listParams(query), cursor: page.nextCursor })}>{t.list.more}</a>
        </p>
      )}
    </Layout>
  );
}
