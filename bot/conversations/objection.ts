import type { Locale } from '../../shared/schemas/common.js';
import { ObjectionAnswerInput, ObjectionInput } from '../../shared/schemas/deal.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { messagesFor } from '../i18n.js';
import { bySchema } from './steps.js';
import { conversationSteps } from './steps.js';

/**
 * Object: any signed-in account other than the owner files an objection to an announced deal with its
 * reason; the owner gets it as an alert, the public sees only how many there are.
 */
export function createObjectionConversation({ services }: BotDeps) {
  return async function objection(conversation: BotConversation, ctx: ConversationContext, locale: Locale, dealId: string): Promise<void> {
    const t = messagesFor(locale);
    const steps = conversationSteps(conversation, ctx, t, services);
    const deal = await steps.call((actor) => services.deals.get(actor, dealId));
    if (!deal.ok) {
      await steps.say(deal.message);
      return;
    }
    const reason = (await steps.text({ prompt: t.deals.askObjection(deal.value.title), parse: bySchema(ObjectionInput.shape.reason, t.deals.badObjection) }))!;
    const filed = await steps.call((actor) => services.deals.object(actor, dealId, { reason }));
    await steps.say(filed.ok ? t.deals.objected : filed.message);
  };
}

/** Answer: the deal's owner answers one objection, which resolves it; its author is told. */
export function createObjectionAnswerConversation({ services }: BotDeps) {
  return async function objectionAnswer(conversation: BotConversation, ctx: ConversationContext, locale: Locale, dealId: string, objectionId: string): Promise<void> {
    const t = messagesFor(locale);
    const steps = conversationSteps(conversation, ctx, t, services);
    const deal = await steps.call((actor) => services.deals.get(actor, dealId));
    const objection = deal.ok ? deal.value.objections?.find((o) => o.id === objectionId) : undefined;
    if (!deal.ok || !objection) {
      await steps.say(deal.ok ? t.errors.refusal.notFound : deal.message);
      return;
    }
    const answer = (await steps.text({ prompt: t.deals.askAnswer(objection.reason), parse: bySchema(ObjectionAnswerInput.shape.answer, t.deals.badAnswer) }))!;
    const answered = await steps.call((actor) => services.deals.answer(actor, dealId, objectionId, { answer }));
    await steps.say(answered.ok ? t.deals.answered : answered.message);
  };
}
