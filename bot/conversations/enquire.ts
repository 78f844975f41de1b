import type { Locale } from '../../shared/schemas/common.js';
import { EnquiryCreateInput } from '../../shared/schemas/enquiry.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { formatEnquiry } from '../format-achievement.js';
import { messagesFor } from '../i18n.js';
import { enquiryKeyboard } from '../achievement-keyboards.js';
import { isNotPositiveAmount, parseMoney } from '../parse-input.js';
import { bySchema } from './steps.js';
import { conversationSteps } from './steps.js';

/**
 * Enquire: an enterprise's sealed enquiry on a listed achievement in three steps — the message, the mode
 * it wants (buttons from the achievement's modes), an optional offer — then a preview to send. Only the
 * achievement's owner will read it; the owner's answer comes back as an alert.
 */
export function createEnquireConversation({ services }: BotDeps) {
  return async function enquire(conversation: BotConversation, ctx: ConversationContext, locale: Locale, achievementId: string): Promise<void> {
    const t = messagesFor(locale);
    const e = t.enquiries;
    const steps = conversationSteps(conversation, ctx, t, services);
    const setup = await steps.call(async (actor) => {
      const achievement = await services.achievements.get(actor, achievementId);
      return { title: achievement.title, modes: achievement.modes, currency: achievement.askingPrice?.currency ?? 'CNY', sender: { id: actor.id, displayName: actor.displayName, organization: actor.organization } };
    });
    if (!setup.ok) {
      await steps.say(setup.message);
      return;
    }
    const { title, modes, currency, sender } = setup.value;
    await steps.say(e.intro(title));

    const message = (await steps.text({ prompt: e.askMessage, parse: bySchema(EnquiryCreateInput.shape.message, e.badMessage) }))!;
    const mode = modes[await steps.pickOne({ prompt: e.askMode, options: modes.map((m) => t.achievements.modes[m]), columns: 2 })]!;
    const offer = await steps.text({
      prompt: e.askOffer,
      skippable: true,
      parse: (text) => {
        const money = parseMoney(text, currency);
        if (money) return { ok: true, value: money };
        return { ok: false, message: isNotPositiveAmount(text) ? e.offerNotPositive : e.badOffer };
      },
    });

    const now = (await steps.now()).toISOString();
    const preview = formatEnquiry(
      { id: 'enq_preview', achievementId, achievementTitle: title, senderId: sender.id, sender, message, mode, offer, status: 'sent', feedback: null, contacts: null, createdAt: now, updatedAt: now },
      { locale, reader: 'sender', header: e.previewHeader },
    );
    const choice = await steps.choose({ text: preview, choices: [{ value: 'send', label: e.send }, { value: 'cancel', label: t.conversation.cancel }] });
    if (choice !== 'send') {
      await steps.say(e.discarded);
      return;
    }
    const sent = await steps.call((actor) => services.enquiries.send(actor, achievementId, { message, mode, offer }));
    if (!sent.ok) {
      await steps.say(sent.message);
      return;
    }
    await steps.say(e.sent(title), enquiryKeyboard(sent.value, sender.id, t));
  };
}
