import { Composer } from 'grammy';
import { bidForOwnerMessage, ownChallengeMessage } from '../cards.js';
import type { BotContext, BotDeps } from '../context.js';
import { accountOrHint, answerButton, editHtml, onButton, replyHtml } from '../handler-kit.js';
import { confirmKeyboard, ownChallengeKeyboard } from '../keyboards.js';
import { pageAt, sendPage } from '../lists.js';

/** One page of the sender's own challenges, drafts included, newest first. */
export async function showMyChallenges(ctx: BotContext, { services }: BotDeps, offset: number): Promise<void> {
  const account = await accountOrHint(ctx);
  if (!account) return;
  const page = await pageAt((q) => services.challenges.list(account, { ...q, field: undefined, owner: 'me' }), offset);
  await sendPage(ctx, page, {
    offset,
    header: ctx.t.mine.header,
    empty: ctx.t.mine.none,
    render: (challenge) => ownChallengeMessage(challenge, ctx.locale, services.clock.now()),
    next: (at) => ({ action: 'more', list: 'mine', offset: at, memo: '-' }),
  });
}

/**
 * /mychallenges for enterprises: each challenge with its status, Publish (drafts), Close and Cancel (each
 * asking for confirmation first), and its bids — each with Shortlist / Not selected / Award.
 */
export function myChallengesFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const composer = new Composer<BotContext>();
  const now = () => services.clock.now();

  composer.command('mychallenges', (ctx) => showMyChallenges(ctx, deps, 0));

  onButton(composer, 'bids', async (ctx, { challengeId, offset }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const challenge = await services.challenges.get(account, challengeId);
    const page = await pageAt((q) => services.bids.listForChallenge(account, challengeId, q), offset);
    await answerButton(ctx);
    await sendPage(ctx, page, {
      offset,
      header: (from, to) => ctx.t.mine.bidsHeader(challenge.title, from, to),
      empty: ctx.t.mine.noBids,
      render: (bid) => bidForOwnerMessage(bid, ctx.locale),
      next: (at) => ({ action: 'bids', challengeId, offset: at }),
    });
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
    const challenge = await services.challenges.close(account, challengeId);
    await answerButton(ctx);
    await editHtml(ctx, ctx.t.mine.closed, ownChallengeKeyboard(challenge, ctx.t));
  });

  onButton(composer, 'cancel', async (ctx, { challengeId, confirmed }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    if (!confirmed) {
      await answerButton(ctx);
      return replyHtml(ctx, ctx.t.mine.confirmCancel, confirmKeyboard({ label: ctx.t.mine.yesCancel, data: { action: 'cancel', challengeId, confirmed: true } }, ctx.t));
    }
    const challenge = await services.challenges.cancel(account, challengeId);
    await answerButton(ctx);
    await editHtml(ctx, ctx.t.mine.cancelled, ownChallengeKeyboard(challenge, ctx.t));
  });

  return composer;
}
