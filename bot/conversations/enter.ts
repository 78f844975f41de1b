import type { BotContext } from '../context.js';
import { replyHtml } from '../handler-kit.js';

/** The conversations and the arguments each is entered with (after the locale, which all take first). */
export interface ConversationArgs {
  post: [];
  propose: [challengeId: string];
  ask: [challengeId: string];
  answer: [challengeId: string, questionId: string];
  /** The bid, and the message whose buttons to refresh afterwards. */
  reject: [bidId: string, messageId: number | null];
}
export type ConversationName = keyof ConversationArgs;

/**
 * Starts a conversation in the sender's language. One form at a time: a command or a form's button pressed
 * mid-form is first asked about by the open form itself (steps.ts), so one still open here is left, and
 * the person told, rather than silently swallowing their next answers.
 */
export async function enterConversation<N extends ConversationName>(ctx: BotContext, name: N, ...args: ConversationArgs[N]): Promise<void> {
  if (Object.keys(ctx.conversation.active()).length > 0) {
    await ctx.conversation.exitAll();
    await replyHtml(ctx, ctx.t.conversation.replaced);
  }
  await ctx.conversation.enter(name, ctx.locale, ...args);
}
