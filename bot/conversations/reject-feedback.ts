import { RejectInput } from '../../shared/schemas/bid.js';
import type { Locale } from '../../shared/schemas/common.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { tidyEdit } from '../handler-kit.js';
import { messagesFor } from '../i18n.js';
import { bidActionsKeyboard } from '../keyboards.js';
import { refreshCards } from '../live-cards.js';
import { bySchema } from './steps.js';
import { conversationSteps } from './steps.js';

/**
 * Not selected: the enterprise may tell the researcher why (or skip), then the bid is rejected and the
 * buttons under the bid's message (`messageId`) show what is left to do with it.
 */
export function createRejectConversation({ services, cards }: BotDeps) {
  return async function reject(conversation: BotConversation, ctx: ConversationContext, locale: Locale, bidId: string, messageId: number | null): Promise<void> {
    const t = messagesFor(locale);
    const steps = conversationSteps(conversation, ctx, t, services);
    const feedback = (await steps.text({ prompt: t.reject.prompt, parse: bySchema(RejectInput.shape.feedback, t.reject.bad), skippable: true })) ?? '';
    const rejected = await steps.call(async (actor) => {
      const bid = await services.bids.reject(actor, bidId, { feedback });
      // The other cards of the challenge in this chat (the bid's own message is edited below).
      if (ctx.chat) await refreshCards({ api: ctx.api, services, cards }, actor, ctx.chat.id, bid.challengeId, messageId ?? undefined);
      return bid;
    });
    if (!rejected.ok) {
      await steps.say(rejected.message);
      return;
    }
    const chatId = ctx.chat?.id;
    if (messageId !== null && chatId !== undefined) {
      await tidyEdit(() => ctx.api.editMessageReplyMarkup(chatId, messageId, { reply_markup: bidActionsKeyboard(rejected.value, t) }));
    }
    await steps.say(t.reject.rejected);
  };
}
