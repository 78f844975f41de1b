import { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../context.js';
import { answerButton, editHtml, onButton } from '../handler-kit.js';
import { showCatalogueList } from './achievements.js';
import { showOpenChallenges, showSearchResults } from './browse.js';
import { showMyBids } from './mybids.js';
import { showMyChallenges } from './mychallenges.js';
import { showNotifications } from './notifications.js';
import { showReviews } from './reviews.js';
import { showSaved } from './saved.js';
import { showSessions } from './sessions.js';
import { showSubscriptions } from './subscriptions.js';

/** The lists that open (More) or page (Prev/Next) by offset alone. */
const SHOW = { open: showOpenChallenges, saved: showSaved, mine: showMyChallenges, mybids: showMyBids, subscriptions: showSubscriptions, reviews: showReviews, notifications: showNotifications, sessions: showSessions };

/** The buttons that belong to no one feature: "More" opening a list, Prev/Next paging one in place, and "No, keep it" under every question. */
export function navigationFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  onButton(composer, 'more', async (ctx, { list, offset, memo: key }) => {
    if (list === 'achievements' || list === 'myachievements' || list === 'enquiries') return showCatalogueList(ctx, deps, list, offset, key, false);
    if (list === 'search') {
      const query = deps.memo.recall(key);
      if (!query) return answerButton(ctx, ctx.t.browse.listExpired, true);
      await answerButton(ctx);
      return showSearchResults(ctx, deps, query, offset);
    }
    await answerButton(ctx);
    await SHOW[list](ctx, deps, offset);
  });

  onButton(composer, 'page', async (ctx, { list, offset, memo: key }) => {
    if (list === 'achievements' || list === 'myachievements' || list === 'enquiries') return showCatalogueList(ctx, deps, list, offset, key, true);
    if (list === 'search') {
      const query = deps.memo.recall(key);
      if (!query) return answerButton(ctx, ctx.t.browse.listExpired, true);
      await answerButton(ctx);
      return showSearchResults(ctx, deps, query, offset, true);
    }
    await answerButton(ctx);
    if (list === 'subscriptions') return showSubscriptions(ctx, deps, offset);
    await SHOW[list](ctx, deps, offset, true);
  });

  onButton(composer, 'dismiss', async (ctx) => {
    await answerButton(ctx);
    await editHtml(ctx, ctx.t.confirm.kept);
  });

  return composer;
}
