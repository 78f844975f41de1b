import type { Locale } from '../../shared/schemas/common.js';
import { AnswerInput, QuestionInput } from '../../shared/schemas/question.js';
import type { BotConversation, BotDeps, ConversationContext } from '../context.js';
import { messagesFor } from '../i18n.js';
import { pageAt } from '../lists.js';
import { bySchema } from './steps.js';
import { conversationSteps } from './steps.js';

/** Ask: a researcher's public question on a challenge (the enterprise is notified; the asker stays anonymous). */
export function createAskConversation({ services }: BotDeps) {
  return async function ask(conversation: BotConversation, ctx: ConversationContext, locale: Locale, challengeId: string): Promise<void> {
    const t = messagesFor(locale);
    const steps = conversationSteps(conversation, ctx, t, services);
    const challenge = await steps.call((actor) => services.challenges.get(actor, challengeId));
    if (!challenge.ok) {
      await steps.say(challenge.message);
      return;
    }
    const text = (await steps.text({ prompt: t.ask.prompt(challenge.value.title), parse: bySchema(QuestionInput.shape.text, t.ask.bad) }))!;
    const asked = await steps.call((actor) => services.questions.ask(actor, challengeId, { text }));
    await steps.say(asked.ok ? t.ask.asked : asked.message);
  };
}

/** Answer: the enterprise's public answer to a question on its challenge (the asker is notified). */
export function createAnswerConversation({ services }: BotDeps) {
  return async function answer(conversation: BotConversation, ctx: ConversationContext, locale: Locale, challengeId: string, questionId: string): Promise<void> {
    const t = messagesFor(locale);
    const steps = conversationSteps(conversation, ctx, t, services);
    const question = await steps.call(async (actor) => {
      const { items } = await pageAt((q) => services.questions.list(actor, challengeId, q), 0, Number.MAX_SAFE_INTEGER);
      return items.find((q) => q.id === questionId)?.text ?? null;
    });
    if (!question.ok || question.value === null) {
      await steps.say(question.ok ? t.answer.missing : question.message);
      return;
    }
    const text = (await steps.text({ prompt: t.answer.prompt(question.value), parse: bySchema(AnswerInput.shape.answer, t.answer.bad) }))!;
    const answered = await steps.call((actor) => services.questions.answer(actor, questionId, { answer: text }));
    await steps.say(answered.ok ? t.answer.answered : answered.message);
  };
}
