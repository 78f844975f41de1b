import type { Locale } from '../../shared/schemas/common.js';
import { DeclineInput, DeclineReason } from '../../shared/schemas/enquiry.js';
import { enquiryKeyboard } from '../achievement-keyboards.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { tidyEdit } from '../handler-kit.js';
import { messagesFor } from '../i18n.js';
import { bySchema } from './steps.js';
import { conversationSteps } from './steps.js';

/**
 * Decline: the owner of the achievement says why — one of the structured reasons (buttons) and an
 * optional note — then the enquiry is declined, its sender told, and the buttons under the enquiry's
 * message (`messageId`) show what is left.
 */
export function createDeclineEnquiryConversation({ services }: BotDeps) {
  return async function declineEnquiry(conversation: BotConversation, ctx: ConversationContext, locale: Locale, enquiryId: string, messageId: number | null): Promise<void> {
    const t = messagesFor(locale);
    const e = t.enquiries;
    const steps = conversationSteps(conversation, ctx, t, services);
    const reasons = DeclineReason.options;
    const reason = reasons[await steps.pickOne({ prompt: e.askReason, options: reasons.map((r) => e.reasons[r]), columns: 2 })]!;
    const note = (await steps.text({ prompt: e.askNote, parse: bySchema(DeclineInput.shape.note, e.badNote), skippable: true })) ?? '';
    const declined = await steps.call(async (actor) => ({ enquiry: await services.enquiries.decline(actor, enquiryId, { reason, note }), viewerId: actor.id }));
    if (!declined.ok) {
      await steps.say(declined.message);
      return;
    }
    const chatId = ctx.chat?.id;
    const { enquiry, viewerId } = declined.value;
    if (messageId !== null && chatId !== undefined) {
      await tidyEdit(() => ctx.api.editMessageReplyMarkup(chatId, messageId, { reply_markup: enquiryKeyboard(enquiry, viewerId, t) }));
    }
    await steps.say(e.declined);
  };
}
