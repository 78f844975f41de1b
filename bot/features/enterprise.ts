import { Composer, InlineKeyboard, type CallbackQueryContext } from 'grammy';
import type { Bid } from '../../shared/schemas/bid.js';
import type { Challenge } from '../../shared/schemas/challenge.js';
import { bidForOwnerMessage } from '../cards.js';
import type { BotAccount, BotContext, BotDeps } from '../context.js';
import { enterConversation } from '../conversations/enter.js';
import { accountOrHint, answerButton, editButtons, editHtml, onButton, replyHtml } from '../handler-kit.js';
import { escapeHtml } from '../html.js';
import type { Messages } from '../i18n.js';
import { awardKeyboard } from '../keyboards.js';
import { refreshCards } from '../live-cards.js';

type BidAction = 'shortlist' | 'reject' | 'award';

/**
 * Why `action` cannot be taken on `bid` of `challenge` as things stand, in the person's words, or null when
 * it can. Read before anything is asked, so a stale button is refused at once, with the reason
 * (`Already awarded to Alice`), instead of after a confirmation or a typed feedback.
 */
export function bidRefusal(action: BidAction, bid: Pick<Bid, 'status'>, challenge: Pick<Challenge, 'status' | 'award'>, t: Messages): string | null {
  const r = t.bid.refused;
  if (challenge.award) return r.awardedTo(challenge.award.winner.displayName);
  if (challenge.status === 'cancelled') return r.cancelled;
  if (bid.status === 'rejected') return r.rejected;
  if (bid.status === 'withdrawn') return r.withdrawn;
  if (bid.status === 'awarded') return r.awardedTo('');
  if (action === 'shortlist' && bid.status === 'shortlisted') return r.shortlisted;
  return null;
}

/**
 * The enterprise's buttons under a bid (from the bid-received notification or /mychallenges): Shortlist,
 * Not selected (asks for feedback in a conversation) and Award (asks first: with a note, which a form asks
 * for, or without one). Each press first
 * reads the bid and its challenge as they are now: a button that no longer applies is refused with the
 * reason and its message is put right. After a change, every card of the challenge this bot sent in the
 * chat is edited (live-cards.ts), so no other bid keeps buttons that would only be refused. Who may do
 * this is decided by the bid services — a researcher pressing these is refused and told why.
 */
export function enterpriseFeature({ services, cards }: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  /** The bid and its challenge, once the bid services agree this account may act on its bids (listing them is owner-only). */
  async function current(account: BotAccount, bidId: string, challengeId?: string) {
    // With the challenge known, the owner check comes first: a stranger learns nothing about the sealed bid.
    if (challengeId) await services.bids.listForChallenge(account, challengeId, { limit: 1 });
    const bid = await services.bids.get(account, bidId);
    if (!challengeId) await services.bids.listForChallenge(account, bid.challengeId, { limit: 1 });
    return { bid, challenge: await services.challenges.get(account, bid.challengeId) };
  }

  /** Every card of the challenge in this chat as it is now; the pressed one too, when it was not remembered. */
  async function putRight(ctx: CallbackQueryContext<BotContext>, account: BotAccount, bid: Bid): Promise<void> {
    const edited = await refreshCards({ api: ctx.api, services, cards }, account, ctx.chat!.id, bid.challengeId);
    const pressed = ctx.callbackQuery.message?.message_id;
    if (pressed !== undefined && !edited.has(pressed)) await editButtons(ctx, bidForOwnerMessage(bid, ctx.locale).keyboard!);
  }

  /** Refuses a press that no longer applies: the reason in an alert, and the message put right. */
  async function refuse(ctx: CallbackQueryContext<BotContext>, account: BotAccount, bid: Bid, why: string): Promise<void> {
    await answerButton(ctx, why, true);
    await putRight(ctx, account, bid);
  }

  onButton(composer, 'shortlist', async (ctx, { bidId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const { bid, challenge } = await current(account, bidId);
    const why = bidRefusal('shortlist', bid, challenge, ctx.t);
    if (why) return refuse(ctx, account, bid, why);
    const shortlisted = await services.bids.shortlist(account, bidId);
    await answerButton(ctx, ctx.t.bid.shortlisted);
    await putRight(ctx, account, shortlisted);
  });

  onButton(composer, 'reject', async (ctx, { bidId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const { bid, challenge } = await current(account, bidId);
    const why = bidRefusal('reject', bid, challenge, ctx.t);
    if (why) return refuse(ctx, account, bid, why);
    await answerButton(ctx);
    await enterConversation(ctx, 'reject', bidId, ctx.callbackQuery.message?.message_id ?? null);
  });

  /**
   * True when Award still applies to the bid; otherwise the press is refused with the reason, and a press on
   * the award question (`onQuestion`) turns the question into that reason.
   */
  async function stillAwardable(ctx: CallbackQueryContext<BotContext>, account: BotAccount, challengeId: string, bidId: string, onQuestion: boolean): Promise<boolean> {
    const { bid, challenge } = await current(account, bidId, challengeId);
    const why = bidRefusal('award', bid, challenge, ctx.t);
    if (!why) return true;
    if (onQuestion) await editHtml(ctx, escapeHtml(why));
    await refuse(ctx, account, bid, why);
    return false;
  }

  // Award asks first: with a note (a form asks for it, then awards), without one, or keep it.
  onButton(composer, 'award', async (ctx, { challengeId, bidId, confirmed }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    if (!(await stillAwardable(ctx, account, challengeId, bidId, confirmed))) return;
    if (!confirmed) {
      await answerButton(ctx);
      return replyHtml(ctx, ctx.t.bid.confirmAward, awardKeyboard(challengeId, bidId, ctx.t));
    }
    const awarded = await services.bids.award(account, challengeId, { bidId });
    await answerButton(ctx);
    await editHtml(ctx, ctx.t.bid.awarded(awarded.title, awarded.award?.winner.displayName ?? ''));
    await refreshCards({ api: ctx.api, services, cards }, account, ctx.chat!.id, challengeId);
  });

  onButton(composer, 'award-note', async (ctx, { challengeId, bidId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    if (!(await stillAwardable(ctx, account, challengeId, bidId, true))) return;
    await answerButton(ctx);
    // The question is answered: its buttons go, so the award cannot also be given without the note meanwhile.
    await editButtons(ctx, new InlineKeyboard());
    await enterConversation(ctx, 'award-note', challengeId, bidId);
  });

  return composer;
}
