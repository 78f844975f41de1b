import { AwardInput } from '../../shared/schemas/challenge.js';
import type { Locale } from '../../shared/schemas/common.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { messagesFor } from '../i18n.js';
import { refreshCards } from '../live-cards.js';
import { bySchema } from './steps.js';
import { conversationSteps } from './steps.js';

/**
 * "Award with a note": asks for the note (the award's own `note`, up to 2,000 characters), then awards the
 * bid with it and says so, the note repeated. The award service checks the state again: a bid that lost
 * its chance while the note was being written is refused with the reason, and nothing is awarded.
 */
export function createAwardNoteConversation({ services, cards }: BotDeps) {
  return async function awardNote(conversation: BotConversation, ctx: ConversationContext, locale: Locale, challengeId: string, bidId: string): Promise<void> {
    const t = messagesFor(locale);
    const steps = conversationSteps(conversation, ctx, t, services);
    const note = (await steps.text({ prompt: t.bid.askNote, parse: bySchema(AwardInput.shape.note, t.bid.badNote) }))!;
    const awarded = await steps.call(async (actor) => {
      const challenge = await services.bids.award(actor, challengeId, { bidId, note });
      if (ctx.chat) await refreshCards({ api: ctx.api, services, cards }, actor, ctx.chat.id, challengeId);
      return challenge;
    });
    if (!awarded.ok) {
      await steps.say(awarded.message);
      return;
    }
    const { title, award } = awarded.value;
    const winner = award?.winner.displayName ?? '';
    await steps.say(award?.note ? t.bid.awardedWithNote(title, winner, award.note) : t.bid.awarded(title, winner));
  };
}
