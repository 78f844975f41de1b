import { Composer } from 'grammy';
import { myBidEntry, myBidMessage } from '../cards.js';
import type { BotContext, BotDeps } from '../context.js';
import { accountOrHint, answerButton, editHtml, onButton, replyHtml } from '../handler-kit.js';
import { confirmKeyboard, myBidKeyboard } from '../keyboards.js';
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

/** /mybids and a researcher's buttons on their bids: see one, withdraw it (after confirming). */
export function myBidsFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const composer = new Composer<BotContext>();

  composer.command('mybids', (ctx) => showMyBids(ctx, deps, 0));

  onButton(composer, 'my-bid', async (ctx, { bidId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const bid = await services.bids.get(account, bidId);
    await answerButton(ctx);
    const message = myBidMessage(bid, ctx.locale);
    await replyHtml(ctx, message.text, message.keyboard);
  });

  onButton(composer, 'withdraw', async (ctx, { bidId, confirmed }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    if (!confirmed) {
      await answerButton(ctx);
      return replyHtml(ctx, ctx.t.bid.confirmWithdraw, confirmKeyboard({ label: ctx.t.bid.yesWithdraw, data: { action: 'withdraw', bidId, confirmed: true } }, ctx.t));
    }
    const bid = await services.bids.withdraw(account, bidId);
    await answerButton(ctx);
    await editHtml(ctx, ctx.t.bid.withdrawn, myBidKeyboard(bid, ctx.t));
  });

  return composer;
}
