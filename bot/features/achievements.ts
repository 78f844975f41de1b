import { Composer } from 'grammy';
import type { Services } from '../../server/domain/services.js';
import type { Locale } from '../../shared/schemas/common.js';
import { zoneOf } from '../../shared/time-zone.js';
import { achievementKeyboard } from '../achievement-keyboards.js';
import type { BotAccount, BotContext, BotDeps } from '../context.js';
import { enterConversation } from '../conversations/enter.js';
import { achievementEntry, formatAchievementCard } from '../format-achievement.js';
import { accountOrHint, answerButton, editHtml, onButton, replyHtml } from '../handler-kit.js';
import type { Messages } from '../i18n.js';
import { confirmKeyboard } from '../keyboards.js';
import { pageAt, showList, type ListMessage } from '../lists.js';
import { dealOf } from './deals.js';
import { showMyEnquiries } from './enquiries.js';

/** Longest query kept (the services accept 500 characters). */
const MAX_QUERY = 200;

/** The buttons under every page of /achievements: the viewer's own achievements and enquiries. */
const catalogueButtons = (t: Messages) => [
  { label: t.achievements.buttons.mine, data: { action: 'more', list: 'myachievements', offset: 0, memo: '-' } as const },
  { label: t.enquiries.buttons.mine, data: { action: 'more', list: 'enquiries', offset: 0, memo: '-' } as const },
];

/**
 * An achievement's card as `actor` may see it now (the services refuse a draft of another's), with its deal
 * announcement and the buttons this viewer may use.
 */
export async function achievementMessage(
  services: Services,
  actor: BotAccount | null,
  achievementId: string,
  options: { locale: Locale; t: Messages; publicUrl?: string; header?: string },
): Promise<ListMessage> {
  const achievement = await services.achievements.get(actor, achievementId);
  const deal = achievement.status === 'draft' ? null : await dealOf(services, actor, achievementId);
  const text = formatAchievementCard(achievement, {
    locale: options.locale,
    deal,
    timeZone: zoneOf(actor ?? { locale: options.locale }),
    ...(options.header ? { header: options.header } : {}),
    ...(options.publicUrl && achievement.status !== 'draft' ? { pageUrl: `${options.publicUrl}/achievements/${achievement.id}` } : {}),
  });
  return { text, keyboard: achievementKeyboard(achievement, actor?.id ?? null, deal, options.t) };
}

/** One page of the listed achievements, newest first, or those matching `query` best first, as one list message. */
export async function showAchievements(ctx: BotContext, { services, memo }: BotDeps, query: string | null, offset: number, inPlace = false): Promise<void> {
  const key = query ? memo.remember(query) : '-';
  const page = await pageAt((q) => services.achievements.list(ctx.account, { ...q, ...(query ? { q: query } : {}) }), offset);
  const t = ctx.t.achievements;
  await showList(ctx, page, {
    offset,
    inPlace,
    header: query ? (from, to) => t.searchHeader(query, from, to) : t.header,
    empty: query ? t.searchNone(query) : t.none,
    entry: (a) => achievementEntry(a, ctx.locale),
    page: (at) => ({ action: 'page', list: 'achievements', offset: at, memo: key }),
    extra: ctx.account ? catalogueButtons(ctx.t) : [],
  });
}

/** One page of the sender's own achievements, drafts included, newest first (GET /api/me/achievements). */
export async function showMyAchievements(ctx: BotContext, { services }: BotDeps, offset: number, inPlace = false): Promise<void> {
  const account = await accountOrHint(ctx);
  if (!account) return;
  const page = await pageAt((q) => services.achievements.listMine(account, q), offset);
  await showList(ctx, page, {
    offset,
    inPlace,
    header: ctx.t.achievements.mineHeader,
    empty: ctx.t.achievements.mineNone,
    entry: (a) => achievementEntry(a, ctx.locale),
    page: (at) => ({ action: 'page', list: 'myachievements', offset: at, memo: '-' }),
  });
}

/**
 * A catalogue list opened by More (`inPlace` false) or paged by Prev / Next: the listed achievements (a
 * search when `memoKey` names a remembered query), the viewer's own, or their enquiries.
 */
export async function showCatalogueList(
  ctx: BotContext,
  deps: BotDeps,
  list: 'achievements' | 'myachievements' | 'enquiries',
  offset: number,
  memoKey: string,
  inPlace: boolean,
): Promise<void> {
  const query = memoKey === '-' ? null : (deps.memo.recall(memoKey) ?? null);
  if (memoKey !== '-' && !query) return answerButton(ctx, ctx.t.browse.listExpired, true);
  await answerButton(ctx);
  if (list === 'achievements') return showAchievements(ctx, deps, query, offset, inPlace);
  if (list === 'myachievements') return showMyAchievements(ctx, deps, offset, inPlace);
  return showMyEnquiries(ctx, deps, offset, inPlace);
}

/**
 * The catalogue: /list starts the listing form; /achievements browses the listed achievements and
 * /achievements <words> searches them, in one list message with My achievements and My enquiries under it;
 * a number opens a card with what the viewer may do. The owner's Publish and Withdraw (after a
 * confirmation) are here; enquiries and deals have their own features.
 */
export function achievementsFeature(deps: BotDeps): Composer<BotContext> {
  const { services, publicUrl } = deps;
  const composer = new Composer<BotContext>();

  composer.command('list', async (ctx) => {
    if (!(await accountOrHint(ctx))) return;
    await enterConversation(ctx, 'list-achievement');
  });

  composer.command('achievements', async (ctx) => {
    const query = ctx.match.trim().slice(0, MAX_QUERY);
    await showAchievements(ctx, deps, query || null, 0);
  });

  onButton(composer, 'achievement-open', async (ctx, { achievementId }) => {
    const message = await achievementMessage(services, ctx.account, achievementId, { locale: ctx.locale, t: ctx.t, publicUrl });
    await answerButton(ctx);
    await replyHtml(ctx, message.text, message.keyboard);
  });

  onButton(composer, 'achievement-publish', async (ctx, { achievementId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    await services.achievements.publish(account, achievementId);
    await answerButton(ctx, ctx.t.achievements.listed);
    const message = await achievementMessage(services, account, achievementId, { locale: ctx.locale, t: ctx.t, publicUrl });
    await editHtml(ctx, message.text, message.keyboard);
  });

  onButton(composer, 'achievement-withdraw', async (ctx, { achievementId, confirmed }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const t = ctx.t.achievements;
    if (!confirmed) {
      // Read first: a withdrawal the services would refuse is not asked about.
      await services.achievements.get(account, achievementId);
      await answerButton(ctx);
      return replyHtml(ctx, t.confirmWithdraw, confirmKeyboard({ label: t.yesWithdraw, data: { action: 'achievement-withdraw', achievementId, confirmed: true } }, ctx.t));
    }
    await services.achievements.withdraw(account, achievementId);
    await answerButton(ctx);
    await editHtml(ctx, t.withdrawn);
  });

  return composer;
}
