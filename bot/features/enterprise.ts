import { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../context.js';
import { enterConversation } from '../conversations/enter.js';
import { accountOrHint, answerButton, editButtons, editHtml, onButton, replyHtml } from '../handler-kit.js';
import { bidActionsKeyboard, confirmKeyboard } from '../keyboards.js';

/**
 * The enterprise's buttons under a bid (from the bid-received notification or /mychallenges): Shortlist,
 * Not selected (asks for feedback in a conversation) and Award (asks for confirmation). Who may do this is
 * decided by the bid services — a researcher pressing these is refused and told why.
 */
export function enterpriseFeature({ services }: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  /**
   * The bid services' own "may this account act on this challenge's bids?" (listing them is owner-only),
   * asked before a question that would otherwise only be refused after it was answered.
   */
  const checkOwner = (account: Parameters<typeof services.bids.listForChallenge>[0], challengeId: string) =>
    services.bids.listForChallenge(account, challengeId, { limit: 1 });

  onButton(composer, 'shortlist', async (ctx, { bidId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const bid = await services.bids.shortlist(account, bidId);
    await answerButton(ctx, ctx.t.bid.shortlisted);
    await editButtons(ctx, bidActionsKeyboard(bid, ctx.t));
  });

  onButton(composer, 'reject', async (ctx, { bidId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const bid = await services.bids.get(account, bidId);
    await checkOwner(account, bid.challengeId);
    await answerButton(ctx);
    await enterConversation(ctx, 'reject', bidId, ctx.callbackQuery.message?.message_id ?? null);
  });

  onButton(composer, 'award', async (ctx, { challengeId, bidId, confirmed }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    if (!confirmed) {
      await checkOwner(account, challengeId);
      await answerButton(ctx);
      return replyHtml(ctx, ctx.t.bid.confirmAward, confirmKeyboard({ label: ctx.t.bid.yesAward, data: { action: 'award', challengeId, bidId, confirmed: true } }, ctx.t));
    }
    const challenge = await services.bids.award(account, challengeId, { bidId });
    await answerButton(ctx);
    await editHtml(ctx, ctx.t.bid.awarded(challenge.title, challenge.award?.winner.displayName ?? ''));
  });

  return composer;
}
