import { Composer } from 'grammy';
import type { Services } from '../../server/domain/services.js';
import type { Deal } from '../../shared/schemas/deal.js';
import { isPending } from '../achievement-keyboards.js';
import type { BotAccount, BotContext, BotDeps } from '../context.js';
import { enterConversation } from '../conversations/enter.js';
import { accountOrHint, answerButton, onButton } from '../handler-kit.js';
import { pageAt } from '../lists.js';

/**
 * The deal announced on an achievement, as `actor` may read it: the pending one if any, else the latest
 * transferred; null when none. The services list deals publicly, newest first, with no filter by
 * achievement, so this walks them.
 */
export async function dealOf(services: Services, actor: BotAccount | null, achievementId: string): Promise<Deal | null> {
  const { items } = await pageAt((q) => services.deals.list(actor, q), 0, Number.MAX_SAFE_INTEGER);
  const deals = items.filter((d) => d.achievementId === achievementId);
  return deals.find(isPending) ?? deals[0] ?? null;
}

/**
 * Deals on the bot: the owner's Record a deal on an achievement's card, anyone's Object on an announced
 * deal, and the owner's Answer under an objection alert. Each reads the state first and says why a form
 * would be refused instead of starting it; the services still decide at the end.
 */
export function dealsFeature({ services }: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  onButton(composer, 'achievement-deal', async (ctx, { achievementId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const achievement = await services.achievements.get(account, achievementId);
    const t = ctx.t.deals;
    if (achievement.ownerId !== account.id) return answerButton(ctx, t.ownerOnly, true);
    if (achievement.status !== 'listed') return answerButton(ctx, t.notListed, true);
    if (isPending(await dealOf(services, account, achievementId))) return answerButton(ctx, t.alreadyPending, true);
    await answerButton(ctx);
    await enterConversation(ctx, 'deal', achievementId);
  });

  onButton(composer, 'deal-object', async (ctx, { dealId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const deal = await services.deals.get(account, dealId);
    const t = ctx.t.deals;
    if (deal.owner.id === account.id) return answerButton(ctx, t.ownDeal, true);
    if (deal.status !== 'announced') return answerButton(ctx, t.periodOver, true);
    await answerButton(ctx);
    await enterConversation(ctx, 'objection', dealId);
  });

  onButton(composer, 'objection-answer', async (ctx, { dealId, objectionId }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const deal = await services.deals.get(account, dealId);
    const t = ctx.t.deals;
    const objection = deal.objections?.find((o) => o.id === objectionId);
    if (deal.owner.id !== account.id || !objection) return answerButton(ctx, t.ownerOnly, true);
    if (objection.answer !== null) return answerButton(ctx, t.alreadyAnswered, true);
    await answerButton(ctx);
    await enterConversation(ctx, 'objection-answer', dealId, objectionId);
  });

  return composer;
}
