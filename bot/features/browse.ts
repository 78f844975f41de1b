import { Composer } from 'grammy';
import { challengeMessage } from '../cards.js';
import type { BotContext, BotDeps } from '../context.js';
import { accountOrHint, answerButton, editButtons, onButton, replyHtml } from '../handler-kit.js';
import { challengeKeyboard } from '../keyboards.js';
import { pageAt, sendPage } from '../lists.js';

/** One page of open challenges, newest first. */
export async function showOpenChallenges(ctx: BotContext, { services }: BotDeps, offset: number): Promise<void> {
  const page = await pageAt((q) => services.challenges.list(ctx.account, { ...q, field: undefined, status: 'open' }), offset);
  await sendPage(ctx, page, {
    offset,
    header: ctx.t.browse.openHeader,
    empty: ctx.t.browse.noneOpen,
    render: (challenge) => challengeMessage(challenge, ctx.locale, services.clock.now()),
    next: (at) => ({ action: 'more', list: 'open', offset: at, memo: '-' }),
  });
}

/** One page of open challenges matching `query` (trimmed, non-empty), best match first. */
export async function showSearchResults(ctx: BotContext, { services, memo }: BotDeps, query: string, offset: number): Promise<void> {
  const key = memo.remember(query);
  const page = await pageAt((q) => services.challenges.list(ctx.account, { ...q, field: undefined, q: query, status: 'open' }), offset);
  await sendPage(ctx, page, {
    offset,
    header: (from, to) => ctx.t.browse.searchHeader(query, from, to),
    empty: ctx.t.browse.searchNone(query),
    render: (challenge) => challengeMessage(challenge, ctx.locale, services.clock.now()),
    next: (at) => ({ action: 'more', list: 'search', offset: at, memo: key }),
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
    const message = challengeMessage(challenge, ctx.locale, services.clock.now(), { questions: questions.items });
    await replyHtml(ctx, message.text, message.keyboard);
  });

  return composer;
}
