import { Composer } from 'grammy';
import type { Enquiry } from '../../shared/schemas/enquiry.js';
import { enquiryKeyboard } from '../achievement-keyboards.js';
import type { BotAccount, BotContext, BotDeps } from '../context.js';
import { enterConversation } from '../conversations/enter.js';
import { enquiryEntry, formatEnquiry } from '../format-achievement.js';
import { accountOrHint, answerButton, editHtml, onButton, replyHtml } from '../handler-kit.js';
import { messagesFor } from '../i18n.js';
import { confirmKeyboard } from '../keyboards.js';
import { pageAt, showList, type ListMessage } from '../lists.js';

/** An enquiry as `viewer` (its sender or the achievement's owner) reads it, with the buttons left to them. */
export function enquiryMessage(enquiry: Enquiry, viewer: BotAccount, header?: string): ListMessage {
  const t = messagesFor(viewer.locale);
  const reader = enquiry.senderId === viewer.id ? 'sender' : 'owner';
  return { text: formatEnquiry(enquiry, { locale: viewer.locale, reader, ...(header ? { header } : {}) }), keyboard: enquiryKeyboard(enquiry, viewer.id, t) };
}

/** One page of the enquiries the sender sent and received, newest first (GET /api/me/enquiries). */
export async function showMyEnquiries(ctx: BotContext, { services }: BotDeps, offset: number, inPlace = false): Promise<void> {
  const account = await accountOrHint(ctx);
  if (!account) return;
  const page = await pageAt((q) => services.enquiries.listMine(account, q), offset);
  await showList(ctx, page, {
    offset,
    inPlace,
    header: ctx.t.enquiries.mineHeader,
    empty: ctx.t.enquiries.mineNone,
    entry: (enquiry) => enquiryEntry(enquiry, ctx.locale, account.id),
    page: (at) => ({ action: 'page', list: 'enquiries', offset: at, memo: '-' }),
  });
}

/** One page of the enquiries on one achievement, for its owner. */
async function showAchievementEnquiries(ctx: BotContext, { services }: BotDeps, achievementId: string, offset: number, inPlace: boolean): Promise<void> {
  const account = await accountOrHint(ctx);
  if (!account) return;
  const achievement = await services.achievements.get(account, achievementId);
  const page = await pageAt((q) => services.enquiries.listForAchievement(account, achievementId, q), offset);
  await answerButton(ctx);
  await showList(ctx, page, {
    offset,
    inPlace,
    header: (from, to) => ctx.t.enquiries.onHeader(achievement.title, from, to),
    empty: ctx.t.enquiries.onNone,
    entry: (enquiry) => enquiryEntry(enquiry, ctx.locale, account.id),
    page: (at) => ({ action: 'achievement-enquiries-page', achievementId, offset: at }),
  });
}

/**
 * Sealed enquiries on the bot: Enquire on a listed achievement starts the form (refused up front for
 * accounts without the enterprise role, the owner, or an open enquiry already); the owner's Accept (both
 * sides then see each other's contacts) and Decline (a form asking for the reason); the sender's Withdraw
 * (after a confirmation); the owner's list of enquiries on one achievement. Only the two sides can open
 * an enquiry: the services answer anybody else as if it did not exist.
 */
export function enquiriesFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const composer = new Composer<BotContext>();

  onButton(composer, 'enquire', async (ctx, { achievementId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const t = ctx.t.enquiries;
    if (!account.roles.includes('enterprise')) return answerButton(ctx, t.enterpriseOnly, true);
    const achievement = await services.achievements.get(account, achievementId);
    if (achievement.ownerId === account.id) return answerButton(ctx, t.ownAchievement, true);
    if (achievement.status !== 'listed') return answerButton(ctx, t.notListed, true);
    const { items } = await pageAt((q) => services.enquiries.listMine(account, { ...q, role: 'sent' }), 0, Number.MAX_SAFE_INTEGER);
    if (items.some((e) => e.achievementId === achievementId && e.status === 'sent')) return answerButton(ctx, t.alreadyOpen, true);
    await answerButton(ctx);
    await enterConversation(ctx, 'enquire', achievementId);
  });

  onButton(composer, 'enquiry-open', async (ctx, { enquiryId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const enquiry = await services.enquiries.get(account, enquiryId);
    await answerButton(ctx);
    const message = enquiryMessage(enquiry, account);
    await replyHtml(ctx, message.text, message.keyboard);
  });

  onButton(composer, 'enquiry-accept', async (ctx, { enquiryId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const enquiry = await services.enquiries.accept(account, enquiryId);
    await answerButton(ctx, ctx.t.enquiries.acceptedToast);
    const message = enquiryMessage(enquiry, account, ctx.t.enquiries.acceptedHeader);
    await editHtml(ctx, message.text, message.keyboard);
  });

  onButton(composer, 'enquiry-decline', async (ctx, { enquiryId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const enquiry = await services.enquiries.get(account, enquiryId);
    if (enquiry.senderId === account.id) return answerButton(ctx, ctx.t.enquiries.ownerOnly, true);
    if (enquiry.status !== 'sent') return answerButton(ctx, ctx.t.enquiries.alreadyDecided(enquiry.status), true);
    await answerButton(ctx);
    await enterConversation(ctx, 'decline-enquiry', enquiryId, ctx.callbackQuery.message?.message_id ?? null);
  });

  onButton(composer, 'enquiry-withdraw', async (ctx, { enquiryId, confirmed }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const t = ctx.t.enquiries;
    if (!confirmed) {
      const enquiry = await services.enquiries.get(account, enquiryId);
      if (enquiry.senderId !== account.id) return answerButton(ctx, t.senderOnly, true);
      if (enquiry.status !== 'sent') return answerButton(ctx, t.alreadyDecided(enquiry.status), true);
      await answerButton(ctx);
      return replyHtml(ctx, t.confirmWithdraw, confirmKeyboard({ label: t.yesWithdraw, data: { action: 'enquiry-withdraw', enquiryId, confirmed: true } }, ctx.t));
    }
    await services.enquiries.withdraw(account, enquiryId);
    await answerButton(ctx);
    await editHtml(ctx, t.withdrawn);
  });

  onButton(composer, 'achievement-enquiries', (ctx, { achievementId, offset }) => showAchievementEnquiries(ctx, deps, achievementId, offset, false));
  onButton(composer, 'achievement-enquiries-page', (ctx, { achievementId, offset }) => showAchievementEnquiries(ctx, deps, achievementId, offset, true));

  return composer;
}
