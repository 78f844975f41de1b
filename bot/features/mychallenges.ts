import { Composer } from 'grammy';
import { bidForOwnerMessage, ownChallengeEntry, ownChallengeMessage, ownerBidEntry } from '../cards.js';
import type { BotContext, BotDeps } from '../context.js';
import { accountOrHint, answerButton, editHtml, onButton, replyHtml } from '../handler-kit.js';
import { confirmKeyboard } from '../keyboards.js';
import { pageAt, showList } from '../lists.js';
import { refreshCards, replyCard } from '../live-cards.js';

/** One page of the sender's own challenges, drafts included, newest first, as one list message. */
export async function showMyChallenges(ctx: BotContext, { services }: BotDeps, offset: number, inPlace = false): Promise<void> {
  const account = await accountOrHint(ctx);
  if (!account) return;
  const page = await pageAt((q) => services.challenges.list(account, { ...q, field: undefined, owner: 'me' }), offset);
  await showList(ctx, page, {
    offset,
    inPlace,
    header: ctx.t.mine.header,
    empty: ctx.t.mine.none,
    entry: (challenge) => ownChallengeEntry(challenge, ctx.locale),
    page: (at) => ({ action: 'page', list: 'mine', offset: at, memo: '-' }),
  });
}

/** One page of a challenge's bids for its owner, as one list message; each number opens the bid. */
async function showBids(ctx: BotContext, { services }: BotDeps, challengeId: string, offset: number, inPlace: boolean): Promise<void> {
  const account = await accountOrHint(ctx);
  if (!account) return;
  const challenge = await services.challenges.get(account, challengeId);
  const page = await pageAt((q) => services.bids.listForChallenge(account, challengeId, q), offset);
  await answerButton(ctx);
  await showList(ctx, page, {
    offset,
    inPlace,
    header: (from, to) => ctx.t.mine.bidsHeader(challenge.title, from, to),
    empty: ctx.t.mine.noBids,
    entry: (bid) => ownerBidEntry(bid, ctx.locale),
    page: (at) => ({ action: 'bids-page', challengeId, offset: at }),
  });
}

/**
 * /mychallenges for enterprises: one list of their challenges; a number opens one with its status, Publish
 * (drafts), Close and Cancel (each asking for confirmation first) and its bids — one list again, a number
 * opening a bid with Shortlist / Not selected / Award. After Close or Cancel every card of the challenge
 * this bot sent is edited to match.
 */
export function myChallengesFeature(deps: BotDeps): Composer<BotContext> {
  const { services, cards } = deps;
  const composer = new Composer<BotContext>();
  const now = () => services.clock.now();

  composer.command('mychallenges', (ctx) => showMyChallenges(ctx, deps, 0));

  onButton(composer, 'mine-open', async (ctx, { challengeId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const challenge = await services.challenges.get(account, challengeId);
    await answerButton(ctx);
    await replyCard(ctx, cards, challengeId, ownChallengeMessage(challenge, ctx.locale, now()));
  });

  onButton(composer, 'bids', (ctx, { challengeId, offset }) => showBids(ctx, deps, challengeId, offset, false));
  onButton(composer, 'bids-page', (ctx, { challengeId, offset }) => showBids(ctx, deps, challengeId, offset, true));

  onButton(composer, 'bid-open', async (ctx, { bidId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const bid = await services.bids.get(account, bidId);
    await answerButton(ctx);
    await replyCard(ctx, cards, bid.challengeId, bidForOwnerMessage(bid, ctx.locale));
  });

  onButton(composer, 'publish', async (ctx, { challengeId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const challenge = await services.challenges.publish(account, challengeId);
    await answerButton(ctx, ctx.t.mine.published);
    const message = ownChallengeMessage(challenge, ctx.locale, now());
    await editHtml(ctx, message.text, message.keyboard);
  });

  // Close and Cancel ask first, in a message of their own: "Yes" turns it into the outcome.
  onButton(composer, 'close', async (ctx, { challengeId, confirmed }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    if (!confirmed) {
      await answerButton(ctx);
      return replyHtml(ctx, ctx.t.mine.confirmClose, confirmKeyboard({ label: ctx.t.mine.yesClose, data: { action: 'close', challengeId, confirmed: true } }, ctx.t));
    }
    await services.challenges.close(account, challengeId);
    await answerButton(ctx);
    await editHtml(ctx, ctx.t.mine.closed);
    await refreshCards({ api: ctx.api, services, cards }, account, ctx.chat!.id, challengeId);
  });

  onButton(composer, 'cancel', async (ctx, { challengeId, confirmed }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    if (!confirmed) {
      await answerButton(ctx);
      return replyHtml(ctx, ctx.t.mine.confirmCancel, confirmKeyboard({ label: ctx.t.mine.yesCancel, data: { action: 'cancel', challengeId, confirmed: true } }, ctx.t));
    }
    await services.challenges.cancel(account, challengeId);
    await answerButton(ctx);
    await editHtml(ctx, ctx.t.mine.cancelled);
    await refreshCards({ api: ctx.api, services, cards }, account, ctx.chat!.id, challengeId);
  });

  return composer;
}
