import { Composer } from 'grammy';
import { zoneOf } from '../../shared/time-zone.js';
import { challengeEntry, challengeMessage } from '../cards.js';
import type { BotContext, BotDeps } from '../context.js';
import { accountOrHint, answerButton, editButtons, onButton, replyHtml } from '../handler-kit.js';
import { challengeKeyboard } from '../keyboards.js';
import { pageAt, showList } from '../lists.js';

/** One page of open challenges, newest first, as one list message (`inPlace`: edited to this page). */
export async function showOpenChallenges(ctx: BotContext, { services }: BotDeps, offset: number, inPlace = false): Promise<void> {
  const page = await pageAt((q) => services.challenges.list(ctx.account, { ...q, field: undefined, status: 'open' }), offset);
  const now = services.clock.now();
  await showList(ctx, page, {
    offset,
    inPlace,
    header: ctx.t.browse.openHeader,
    empty: ctx.t.browse.noneOpen,
    entry: (challenge) => challengeEntry(challenge, ctx.locale, now),
    page: (at) => ({ action: 'page', list: 'open', offset: at, memo: '-' }),
  });
}

/** One page of open challenges matching `query` (trimmed, non-empty), best match first, as one list message. */
export async function showSearchResults(ctx: BotContext, { services, memo }: BotDeps, query: string, offset: number, inPlace = false): Promise<void> {
  const key = memo.remember(query);
  const page = await pageAt((q) => services.challenges.list(ctx.account, { ...q, field: undefined, q: query, status: 'open' }), offset);
  const now = services.clock.now();
  await showList(ctx, page, {
    offset,
    inPlace,
    header: (from, to) => ctx.t.browse.searchHeader(query, from, to),
    empty: ctx.t.browse.searchNone(query),
    entry: (challenge) => challengeEntry(challenge, ctx.locale, now),
    page: (at) => ({ action: 'page', list: 'search', offset: at, memo: key }),
  });
}

/** Longest query kept (the services accept 200 characters). */
const MAX_QUERY = 200;

/**
 * Browsing: /challenges, /search <words>, and the buttons every challenge card carries — Save/Unsave and
 * Details (Propose and Ask start conversations in their own features).
 */
export function browseFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const composer = new Composer<BotContext>();

  composer.command('challenges', (ctx) => showOpenChallenges(ctx, deps, 0));

  composer.command('search', async (ctx) => {
    const query = ctx.match.trim().slice(0, MAX_QUERY);
    if (!query) return replyHtml(ctx, ctx.t.browse.searchUsage);
    await showSearchResults(ctx, deps, query, 0);
  });

  onButton(composer, 'save', async (ctx, { challengeId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const { challenge } = await services.library.save(account, challengeId);
    await answerButton(ctx, ctx.t.browse.saved);
    await editButtons(ctx, challengeKeyboard(challenge, ctx.t));
  });

  onButton(composer, 'unsave', async (ctx, { challengeId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    await services.library.unsave(account, challengeId);
    const challenge = await services.challenges.get(account, challengeId);
    await answerButton(ctx, ctx.t.browse.unsaved);
    await editButtons(ctx, challengeKeyboard(challenge, ctx.t));
  });

  onButton(composer, 'details', async (ctx, { challengeId }) => {
    const challenge = await services.challenges.get(ctx.account, challengeId);
    const questions = await services.questions.list(ctx.account, challengeId, { limit: 20 });
    await answerButton(ctx);
    const message = challengeMessage(challenge, ctx.locale, services.clock.now(), {
      questions: questions.items,
      publicUrl: deps.publicUrl,
      timeZone: zoneOf(ctx.account ?? { locale: ctx.locale }),
    });
    await replyHtml(ctx, message.text, message.keyboard);
  });

  return composer;
}
