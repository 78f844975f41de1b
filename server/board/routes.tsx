/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { intlLocale } from '../../shared/format.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../domain/errors.js';
import type { Services } from '../domain/services.js';
import { AchievementListPage, AchievementPage } from './achievement-pages.js';
import { AwardsPage } from './awards-page.js';
import { DealsPage } from './deals-page.js';
import { ChallengePage } from './challenge-page.js';
import { ErrorPage, type BoardProblem } from './error-page.js';
import { ListPage } from './list-page.js';
import { BOARD_PAGE_SIZE, readListQuery } from './list-query.js';
import { chooseLocale } from './locale.js';
import { publicReadCache } from '../routes/public-read-cache.js';
import { createView, type BoardView } from './view.js';

/** Questions shown on a challenge page: the service's largest page, oldest first. */
const QUESTIONS_SHOWN = 100;

/** What the board reads through (as an anonymous caller) and the time its countdowns count from. */
export interface BoardDeps {
  services: Services;
  clock: Clock;
}

const PROBLEM_STATUS: Record<BoardProblem, ContentfulStatusCode> = { 'not-found': 404, 'bad-link': 400, failed: 500 };

function viewOf(c: Context, clock: Clock): BoardView {
  const choice = chooseLocale(c.req.query('lang'), c.req.header('accept-language'));
  return createView(choice, clock.now(), c.req.path, c.req.query());
}

async function render(c: Context, view: BoardView, page: JSX.Element, status: ContentfulStatusCode = 200): Promise<Response> {
  // The language comes from Accept-Language unless ?lang= says otherwise: caches must key on it.
  c.header('Vary', 'Accept-Language');
  c.header('Content-Language', intlLocale(view.locale));
  return c.html(`<!doctype html>${await page}`, status);
}

function problemOf(error: Error): BoardProblem {
  if (error instanceof DomainError) {
    if (error.code === 'not_found') return 'not-found';
    if (error.code === 'validation_failed' || error.code === 'bad_request') return 'bad-link';
  }
  if (error instanceof ZodError) return 'bad-link';
  return 'failed';
}

/**
 * The public board, server-rendered HTML without any script: `/` (open challenges with search, field
 * filter, sort and paging), `/challenges/:id` (one challenge with its public Q&A), `/awards` (the award
 * announcements), and the catalogue's `/achievements`, `/achievements/:id` and `/deals` (with schema.org
 * JSON-LD data blocks), in English or Simplified Chinese. It reads through the domain services as an anonymous
 * caller, so it shows exactly what the public API shows: never drafts, never bids.
 */
export function boardRoutes({ services, clock }: BoardDeps) {
  const board = new Hono();
  // Every visitor of a page in one language sees the same page until a commit or the clock changes it.
  const cached = publicReadCache({ storage: services.storage, clock, keep: ['content-type', 'content-language', 'vary'] });
  for (const path of ['/', '/challenges/:id', '/awards', '/achievements', '/achievements/:id', '/deals']) board.use(path, cached);

  board.onError((error, c) => {
    const problem = problemOf(error);
    if (problem === 'failed') console.error(`[board] ${c.req.method} ${c.req.path} failed:`, error);
    const view = viewOf(c, clock);
    return render(c, view, <ErrorPage view={view} problem={problem} />, PROBLEM_STATUS[problem]);
  });

  board.get('/', async (c) => {
    const view = viewOf(c, clock);
    const query = readListQuery(c.req.query());
    const page = await services.challenges.list(null, {
      q: query.q || undefined,
      field: query.field ? [query.field] : undefined,
      sort: query.sort ?? undefined,
      cursor: query.cursor ?? undefined,
      limit: BOARD_PAGE_SIZE,
    });
    return render(c, view, <ListPage view={view} query={query} page={page} />);
  });

  board.get('/challenges/:id', async (c) => {
    const view = viewOf(c, clock);
    const id = c.req.param('id');
    const challenge = await services.challenges.get(null, id);
    const questions = await services.questions.list(null, id, { limit: QUESTIONS_SHOWN });
    return render(c, view, <ChallengePage view={view} challenge={challenge} questions={questions.items} />);
  });

  board.get('/awards', async (c) => {
    const view = viewOf(c, clock);
    const cursor = c.req.query('cursor');
    const page = await services.awards.list({ limit: BOARD_PAGE_SIZE, cursor: cursor || undefined });
    return render(c, view, <AwardsPage view={view} page={page} />);
  });

  // The catalogue (§8). Links in the JSON-LD are absolute, from the address the page was asked for.
  const absolute = (c: Context, path: string) => new URL(path, c.req.url).toString();

  board.get('/achievements', async (c) => {
    const view = viewOf(c, clock);
    const q = (c.req.query('q') ?? '').slice(0, 200);
    const cursor = c.req.query('cursor');
    const page = await services.achievements.list(null, { q: q || undefined, cursor: cursor || undefined, limit: BOARD_PAGE_SIZE });
    return render(c, view, <AchievementListPage view={view} q={q} page={page} url={(id) => absolute(c, `/achievements/${encodeURIComponent(id)}`)} />);
  });

  board.get('/achievements/:id', async (c) => {
    const view = viewOf(c, clock);
    const achievement = await services.achievements.get(null, c.req.param('id'));
    return render(c, view, <AchievementPage view={view} achievement={achievement} url={absolute(c, c.req.path)} />);
  });

  board.get('/deals', async (c) => {
    const view = viewOf(c, clock);
    const cursor = c.req.query('cursor');
    const page = await services.deals.list(null, { cursor: cursor || undefined, limit: BOARD_PAGE_SIZE });
    return render(c, view, <DealsPage view={view} page={page} />);
  });

  return board;
}
