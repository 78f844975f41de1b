import type { Locale } from '../../shared/schemas/common.js';
import { RecuseInput } from '../../shared/schemas/review.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { assignedBid, findAssignment } from '../features/reviews.js';
import { assignmentBidsMessage } from '../format-review.js';
import { htmlOptions, tidyEdit } from '../handler-kit.js';
import { messagesFor } from '../i18n.js';
import { bySchema } from './steps.js';
import { conversationSteps } from './steps.js';

/**
 * Recuse: a reviewer steps away from an assigned bid they have not scored — a reason, then a confirmation,
 * since it is final. The bid's message (`messageId`) then shows the assignment's bids without it.
 */
export function createRecuseConversation({ services }: BotDeps) {
  return async function recuse(conversation: BotConversation, ctx: ConversationContext, locale: Locale, bidId: string, messageId: number | null): Promise<void> {
    const t = messagesFor(locale);
    const steps = conversationSteps(conversation, ctx, t, services);
    const reason = (await steps.text({ prompt: t.recuse.askReason, parse: bySchema(RecuseInput.shape.reason, t.recuse.badReason) }))!;
    const choice = await steps.choose({
      text: t.recuse.confirm(reason),
      choices: [
        { value: 'recuse', label: t.recuse.yes },
        { value: 'keep', label: t.confirm.keep },
      ],
    });
    if (choice !== 'recuse') {
      await steps.say(t.recuse.discarded);
      return;
    }
    const done = await steps.call(async (actor) => {
      const found = await assignedBid(services, actor, bidId);
      if (!found) return null;
      await services.reviews.recuse(actor, bidId, { reason });
      return findAssignment(services, actor, found.assignment.challenge.id);
    });
    if (!done.ok || !done.value) {
      await steps.say(done.ok ? t.reviews.notOpenable : done.message);
      return;
    }
    const assignment = done.value;
    const chatId = ctx.chat?.id;
    if (messageId !== null && chatId !== undefined) {
      const list = assignmentBidsMessage(assignment, 0, locale);
      await tidyEdit(() => ctx.api.editMessageText(chatId, messageId, list.text, htmlOptions(list.keyboard)));
    }
    await steps.say(t.recuse.done);
  };
}
