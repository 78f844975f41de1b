import { Composer, type CallbackQueryContext } from 'grammy';
import type { Bid } from '../../shared/schemas/bid.js';
import { myBidEntry, myBidMessage } from '../cards.js';
import type { BotContext, BotDeps } from '../context.js';
import { enterConversation } from '../conversations/enter.js';
import { bidChangeRefusal } from '../conversations/revise.js';
import { formatBid } from '../format-bid.js';
import { accountOrHint, answerButton, editHtml, onButton, refusalMessage, replyHtml } from '../handler-kit.js';
import { myBidKeyboard, withdrawKeyboard } from '../keyboards.js';
import { pageAt, showList } from '../lists.js';

/** One page of the sender's bids, newest first, with their status and receipt. */
export async function showMyBids(ctx: BotContext, { services }: BotDeps, offset: number, inPlace = false): Promise<void> {
  const account = await accountOrHint(ctx);
  if (!account) return;
  const page = await pageAt((q) => services.bids.listMine(account, q), offset);
  await showList(ctx, page, {
    offset,
    inPlace,
    header: ctx.t.mybids.header,
    empty: ctx.t.mybids.none,
    entry: (bid) => myBidEntry(bid, ctx.locale),
    page: (at) => ({ action: 'page', list: 'mybids', offset: at, memo: '-' }),
  });
}

/** The bid's card with `note` (a question, or what just happened) above it. */
function noteOnCard(bid: Bid, ctx: BotContext, note: string): string {
  return formatBid(bid, { locale: ctx.locale, reader: 'bidder', header: `${note}\n\n${ctx.t.bid.onChallenge(bid.challengeTitle)}` });
}

/**
 * /mybids and a researcher's buttons on their bid's card: see it, Revise it (a conversation), Withdraw it
 * (asked on the card itself, then the card shows the outcome). Every press reads the bid as it is now: a
 * button that no longer applies is refused with the reason and the card is put right.
 */
export function myBidsFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const composer = new Composer<BotContext>();

  /** The pressed card, edited to the bid as it is now (when the press says which message it was). */
  async function putRight(ctx: CallbackQueryContext<BotContext>, bid: Bid): Promise<void> {
    if (ctx.callbackQuery.message?.message_id === undefined) return;
    const card = myBidMessage(bid, ctx.locale);
    await editHtml(ctx, card.text, card.keyboard);
  }

  async function refuse(ctx: CallbackQueryContext<BotContext>, bid: Bid, why: string): Promise<void> {
    await answerButton(ctx, why, true);
    await putRight(ctx, bid);
  }

  composer.command('mybids', (ctx) => showMyBids(ctx, deps, 0));

  onButton(composer, 'my-bid', async (ctx, { bidId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const bid = await services.bids.get(account, bidId);
    await answerButton(ctx);
    const message = myBidMessage(bid, ctx.locale);
    await replyHtml(ctx, message.text, message.keyboard);
  });

  onButton(composer, 'my-bid-keep', async (ctx, { bidId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const bid = await services.bids.get(account, bidId);
    await answerButton(ctx, ctx.t.confirm.kept);
    await putRight(ctx, bid);
  });

  onButton(composer, 'revise', async (ctx, { bidId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const bid = await services.bids.get(account, bidId);
    const why = bidChangeRefusal('revise', bid, ctx.locale);
    if (why) return refuse(ctx, bid, why);
    await answerButton(ctx);
    await enterConversation(ctx, 'revise', bidId, ctx.callbackQuery.message?.message_id ?? null);
  });

  onButton(composer, 'withdraw', async (ctx, { bidId, confirmed }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const bid = await services.bids.get(account, bidId);
    const why = bidChangeRefusal('withdraw', bid, ctx.locale);
    if (why) return refuse(ctx, bid, why);
    if (!confirmed) {
      await answerButton(ctx);
      return editHtml(ctx, noteOnCard(bid, ctx, ctx.t.bid.confirmWithdraw(bid.challengeTitle)), withdrawKeyboard(bidId, ctx.t));
    }
    let withdrawn: Bid;
    try {
      withdrawn = await services.bids.withdraw(account, bidId);
    } catch (error) {
      // Changed between the read and the write: the reason as things stand now.
      const message = refusalMessage(error, ctx.t);
      if (message === null) throw error;
      const now = await services.bids.get(account, bidId);
      return refuse(ctx, now, bidChangeRefusal('withdraw', now, ctx.locale) ?? message.replace(/<[^>]+>/g, ''));
    }
    await answerButton(ctx);
    await editHtml(ctx, noteOnCard(withdrawn, ctx, ctx.t.bid.withdrawn), myBidKeyboard(withdrawn, ctx.t));
  });

  return composer;
}
