import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { enterConversation } from '../conversations/enter.js';
import { accountOrHint, answerButton, onButton } from '../handler-kit.js';

/** Public questions: Ask on a challenge card (researchers), Answer on a question notification (its enterprise). */
export function askFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  onButton(composer, 'ask', async (ctx, { challengeId }) => {
    if (!(await accountOrHint(ctx))) return;
    await answerButton(ctx);
    await enterConversation(ctx, 'ask', challengeId);
  });

  onButton(composer, 'answer', async (ctx, { challengeId, questionId }) => {
    if (!(await accountOrHint(ctx))) return;
    await answerButton(ctx);
    await enterConversation(ctx, 'answer', challengeId, questionId);
  });

  return composer;
}
