import { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../context.js';
import { enterConversation } from '../conversations/enter.js';
import { accountOrHint, answerButton, onButton } from '../handler-kit.js';

/**
 * The Propose button of a challenge card starts the bid conversation. What would make the bid fail at the
 * end — no researcher role, a live bid already, bids closed — is said up front instead; the services
 * still decide when the bid is submitted.
 */
export function proposeFeature({ services }: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  onButton(composer, 'propose', async (ctx, { challengeId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    if (!account.roles.includes('researcher')) return answerButton(ctx, ctx.t.propose.researcherOnly, true);
    const challenge = await services.challenges.get(account, challengeId);
    if (challenge.viewer?.bidId) return answerButton(ctx, ctx.t.propose.alreadyBid, true);
    if (challenge.status !== 'open') return answerButton(ctx, ctx.t.propose.notOpen, true);
    await answerButton(ctx);
    await enterConversation(ctx, 'propose', challengeId);
  });
  return composer;
}
