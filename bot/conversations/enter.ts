import type { BotContext } from '../context.js';
import { replyHtml } from '../handler-kit.js';
import type { ProfilePart } from '../features/profile.js';

/** The conversations and the arguments each is entered with (after the locale, which all take first). */
export interface ConversationArgs {
  post: [];
  propose: [challengeId: string];
  ask: [challengeId: string];
  answer: [challengeId: string, questionId: string];
  'list-achievement': [];
  enquire: [achievementId: string];
  /** The enquiry, and the message whose buttons to refresh afterwards. */
  'decline-enquiry': [enquiryId: string, messageId: number | null];
  deal: [achievementId: string];
  objection: [dealId: string];
  'objection-answer': [dealId: string, objectionId: string];
  /** The bid, and the message whose buttons to refresh afterwards. */
  reject: [bidId: string, messageId: number | null];
  /** The challenge, and its card's message, edited in place after each saved change. */
  'edit-challenge': [challengeId: string, messageId: number | null];
  'award-note': [challengeId: string, bidId: string];
  /** Close early or cancel, asking for the reason told to the bidders. */
  'end-challenge': [challengeId: string, ending: 'close' | 'cancel'];
  /** The bid, and its card's message, edited to the new revision afterwards. */
  revise: [bidId: string, messageId: number | null];
  /** The bid, and the message showing it, edited to the saved scores and progress afterwards. */
  score: [bidId: string, messageId: number | null];
  recuse: [bidId: string, messageId: number | null];
  /** The code when it came with the command (`/reviews CODE`), else null to ask for it. */
  redeem: [code: string | null];
  feedback: [bidId: string];
  /** The part of /profile to edit, and the profile's message, edited to the saved values afterwards. */
  profile: [part: ProfilePart, messageId: number | null];
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
