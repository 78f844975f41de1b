import { Composer } from 'grammy';
import { DomainError } from '../../server/domain/errors.js';
import type { Services } from '../../server/domain/services.js';
import type { ReviewAssignment, ReviewBid, ScoreSheet } from '../../shared/schemas/review.js';
import type { BotAccount, BotContext, BotDeps } from '../context.js';
import { enterConversation } from '../conversations/enter.js';
import { assignmentBidsMessage, assignmentEntry, reviewBidMessage } from '../format-review.js';
import { accountOrHint, answerButton, editHtml, onButton, replyHtml } from '../handler-kit.js';
import { pageAt, showList } from '../lists.js';

/** Every assignment of the reviewer (a reviewer has few; the services page them). */
async function allAssignments(services: Services, account: BotAccount): Promise<ReviewAssignment[]> {
  return (await pageAt((q) => services.reviews.listMine(account, q), 0, Number.MAX_SAFE_INTEGER)).items;
}

/** The reviewer's assignment on a challenge, as it is now; null when they no longer review it. */
export async function findAssignment(services: Services, account: BotAccount, challengeId: string): Promise<ReviewAssignment | null> {
  return (await allAssignments(services, account)).find((a) => a.challenge.id === challengeId) ?? null;
}

/** The reviewer's own sheet of a bid in the current phase, or null before they scored it. */
async function mySheet(services: Services, account: BotAccount, bidId: string): Promise<ScoreSheet | null> {
  try {
    return await services.scores.mine(account, bidId);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return null;
    throw error;
  }
}

export interface AssignedBid {
  assignment: ReviewAssignment;
  bid: ReviewBid;
  sheet: ScoreSheet | null;
}

/**
 * A bid the reviewer may open now: one of an assignment's bids (the domain leaves out recused ones and
 * withdrawn ones), read through the domain as a review copy, with their sheet. Null for anything else.
 */
export async function assignedBid(services: Services, account: BotAccount, bidId: string): Promise<AssignedBid | null> {
  const assignment = (await allAssignments(services, account)).find((a) => a.bids.some((b) => b.bidId === bidId));
  if (!assignment) return null;
  const bid = await services.reviews.readBid(account, bidId);
  // A reviewer never owns or made the bid (the domain refuses such an assignment): anything else is not a review copy.
  if ('receipt' in bid) return null;
  return { assignment, bid, sheet: await mySheet(services, account, bidId) };
}

/** One page of the sender's review assignments, with the progress of each, and "Redeem an invite code". */
export async function showReviews(ctx: BotContext, { services }: BotDeps, offset: number, inPlace = false): Promise<void> {
  const account = await accountOrHint(ctx);
  if (!account) return;
  const page = await pageAt((q) => services.reviews.listMine(account, q), offset);
  await showList(ctx, page, {
    offset,
    inPlace,
    header: ctx.t.reviews.header,
    empty: ctx.t.reviews.none,
    entry: (assignment) => assignmentEntry(assignment, ctx.locale),
    page: (at) => ({ action: 'page', list: 'reviews', offset: at, memo: '-' }),
    extra: [{ label: ctx.t.reviews.redeemButton, data: { action: 'review-redeem' } }],
  });
}

/**
 * /reviews for reviewers: their assignments (one list), each opening its bids (one message), each bid
 * opening in that same message with the rubric and Score / Recuse; `/reviews CODE` or the Redeem button
 * accepts an invite. Every press re-reads the assignment, so a bid recused from meanwhile cannot be opened.
 */
export function reviewsFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const composer = new Composer<BotContext>();

  composer.command('reviews', async (ctx) => {
    const code = ctx.match.trim();
    if (!code) return showReviews(ctx, deps, 0);
    if (!(await accountOrHint(ctx))) return;
    await enterConversation(ctx, 'redeem', code);
  });

  onButton(composer, 'review-redeem', async (ctx) => {
    if (!(await accountOrHint(ctx))) return;
    await answerButton(ctx);
    await enterConversation(ctx, 'redeem', null);
  });

  const showBids = async (ctx: BotContext, challengeId: string, offset: number, inPlace: boolean) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const assignment = await findAssignment(services, account, challengeId);
    if (!assignment) return answerButton(ctx, ctx.t.reviews.notOpenable, true);
    await answerButton(ctx);
    const message = assignmentBidsMessage(assignment, offset, ctx.locale);
    if (inPlace) await editHtml(ctx, message.text, message.keyboard);
    else await replyHtml(ctx, message.text, message.keyboard);
  };
  onButton(composer, 'review-bids', (ctx, { challengeId, offset }) => showBids(ctx, challengeId, offset, false));
  onButton(composer, 'review-bids-page', (ctx, { challengeId, offset }) => showBids(ctx, challengeId, offset, true));

  onButton(composer, 'review-bid', async (ctx, { bidId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const found = await assignedBid(services, account, bidId);
    if (!found) return answerButton(ctx, ctx.t.reviews.notOpenable, true);
    await answerButton(ctx);
    const message = reviewBidMessage(found.bid, found.assignment, found.sheet, ctx.locale);
    await editHtml(ctx, message.text, message.keyboard);
  });

  onButton(composer, 'review-score', async (ctx, { bidId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const found = await assignedBid(services, account, bidId);
    if (!found) return answerButton(ctx, ctx.t.reviews.notOpenable, true);
    if (found.assignment.rubric.length === 0) return answerButton(ctx, ctx.t.reviews.noRubric, true);
    await answerButton(ctx);
    await enterConversation(ctx, 'score', bidId, ctx.callbackQuery.message?.message_id ?? null);
  });

  onButton(composer, 'review-recuse', async (ctx, { bidId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const found = await assignedBid(services, account, bidId);
    if (!found) return answerButton(ctx, ctx.t.reviews.notOpenable, true);
    if (found.sheet) return answerButton(ctx, ctx.t.reviews.scoredAlready, true);
    await answerButton(ctx);
    await enterConversation(ctx, 'recuse', bidId, ctx.callbackQuery.message?.message_id ?? null);
  });

  return composer;
}
