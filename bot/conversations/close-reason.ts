import { ChallengeEndInput } from '../../shared/schemas/challenge.js';
import type { Locale } from '../../shared/schemas/common.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { messagesFor } from '../i18n.js';
import { refreshCards } from '../live-cards.js';
import { bySchema } from './steps.js';
import { conversationSteps } from './steps.js';

/**
 * Close early or cancel, after the owner said yes: asks for the reason the bidders are told (up to 1,000
 * characters), then does it and says so. Closing may skip the reason. Cancelling may not: it ends every bid
 * and tells those who saved the challenge too, and people whose work stops deserve to know why. The
 * services check the state again, so a challenge that changed meanwhile is refused with the reason.
 */
export function createCloseReasonConversation({ services, cards }: BotDeps) {
  return async function endChallenge(conversation: BotConversation, ctx: ConversationContext, locale: Locale, challengeId: string, ending: 'close' | 'cancel'): Promise<void> {
    const t = messagesFor(locale);
    const steps = conversationSteps(conversation, ctx, t, services);
    const readReason = bySchema(ChallengeEndInput.shape.reason.unwrap(), t.mine.badReason);
    const reason =
      ending === 'close'
        ? ((await steps.text({ prompt: t.mine.askCloseReason, parse: readReason, skippable: true })) ?? '')
        : (await steps.text({
            prompt: t.mine.askCancelReason,
            parse: (text) => {
              const read = readReason(text);
              return read.ok && !read.value ? { ok: false, message: t.mine.reasonRequired } : read;
            },
          }))!;
    const input = reason ? { reason } : {};
    const ended = await steps.call(async (actor) => {
      const challenge = ending === 'close' ? await services.challenges.close(actor, challengeId, input) : await services.challenges.cancel(actor, challengeId, input);
      if (ctx.chat) await refreshCards({ api: ctx.api, services, cards }, actor, ctx.chat.id, challengeId);
      return challenge;
    });
    if (!ended.ok) {
      await steps.say(ended.message);
      return;
    }
    if (ending === 'close') await steps.say(reason ? t.mine.closedBecause(reason) : t.mine.closed);
    else await steps.say(t.mine.cancelledBecause(reason));
  };
}
