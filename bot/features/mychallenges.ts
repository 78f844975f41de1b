import { Composer, InlineKeyboard, type CallbackQueryContext } from 'grammy';
import type { Challenge, ChallengeActionName } from '../../shared/schemas/challenge.js';
import { bidForOwnerMessage, ownChallengeEntry, ownChallengeMessage, ownerBidEntry } from '../cards.js';
import type { BotAccount, BotContext, BotDeps } from '../context.js';
import { enterConversation } from '../conversations/enter.js';
import { accountOrHint, answerButton, editButtons, editHtml, onButton, replyHtml } from '../handler-kit.js';
import { escapeHtml } from '../html.js';
import { confirmKeyboard, ownChallengeKeyboard } from '../keyboards.js';
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
 * (drafts), Edit (a form, see conversations/edit-challenge.ts), Close and Cancel (each asking for
 * confirmation, then for the reason the bidders are told) and its bids — one list again, a number opening a
 * bid with Shortlist / Not selected / Award. Edit, Close and Cancel read the challenge before asking
 * anything: one that no longer allows it is refused with its status, and its card put right. After Close or
 * Cancel every card of the challenge this bot sent is edited to match.
 */
export function myChallengesFeature(deps: BotDeps): Composer<BotContext> {
  const { services, cards } = deps;
  const composer = new Composer<BotContext>();
  const now = () => services.clock.now();

  composer.command('mychallenges', (ctx) => showMyChallenges(ctx, deps, 0));

  /**
   * The challenge when `action` still applies to it; otherwise the press is refused with its status, the
   * question (`onQuestion`) turned into that refusal or the card's buttons put right, and null.
   */
  async function stillAllows(ctx: CallbackQueryContext<BotContext>, account: BotAccount, challengeId: string, action: ChallengeActionName, onQuestion: boolean): Promise<Challenge | null> {
    // Listing its bids is owner-only: a stranger is refused here, with the reason, and learns nothing more.
    await services.bids.listForChallenge(account, challengeId, { limit: 1 });
    const challenge = await services.challenges.get(account, challengeId);
    if (challenge.actions?.includes(action)) return challenge;
    const status = ctx.t.challengeStatus[challenge.status];
    const why = action === 'edit' ? ctx.t.edit.refused(status) : ctx.t.mine.noLonger(status);
    await answerButton(ctx, why, true);
    if (onQuestion) await editHtml(ctx, escapeHtml(why));
    else await editButtons(ctx, ownChallengeKeyboard(challenge, ctx.t));
    await refreshCards({ api: ctx.api, services, cards }, account, ctx.chat!.id, challengeId, ctx.callbackQuery.message?.message_id);
    return null;
  }

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

  onButton(composer, 'edit', async (ctx, { challengeId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    if (!(await stillAllows(ctx, account, challengeId, 'edit', false))) return;
    await answerButton(ctx);
    await enterConversation(ctx, 'edit-challenge', challengeId, ctx.callbackQuery.message?.message_id ?? null);
  });

  // Close and Cancel ask first, in a message of their own; "Yes" asks for the reason (conversations/close-reason.ts).
  onButton(composer, 'close', async (ctx, { challengeId, confirmed }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    if (!(await stillAllows(ctx, account, challengeId, 'close', confirmed))) return;
    await answerButton(ctx);
    if (!confirmed) {
      return replyHtml(ctx, ctx.t.mine.confirmClose, confirmKeyboard({ label: ctx.t.mine.yesClose, data: { action: 'close', challengeId, confirmed: true } }, ctx.t));
    }
    await editButtons(ctx, new InlineKeyboard());
    await enterConversation(ctx, 'end-challenge', challengeId, 'close');
  });

  onButton(composer, 'cancel', async (ctx, { challengeId, confirmed }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const challenge = await stillAllows(ctx, account, challengeId, 'cancel', confirmed);
    if (!challenge) return;
    await answerButton(ctx);
    if (!confirmed) {
      const question = challenge.status === 'draft' ? ctx.t.mine.confirmCancelDraft : ctx.t.mine.confirmCancel;
      return replyHtml(ctx, question, confirmKeyboard({ label: ctx.t.mine.yesCancel, data: { action: 'cancel', challengeId, confirmed: true } }, ctx.t));
    }
    // A draft was never seen: nobody to tell, so no reason to ask for.
    if (challenge.status !== 'draft') {
      await editButtons(ctx, new InlineKeyboard());
      return enterConversation(ctx, 'end-challenge', challengeId, 'cancel');
    }
    await services.challenges.cancel(account, challengeId);
    await editHtml(ctx, ctx.t.mine.draftCancelled);
    await refreshCards({ api: ctx.api, services, cards }, account, ctx.chat!.id, challengeId);
  });

  return composer;
}
