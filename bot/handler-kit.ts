import { Composer, GrammyError, type CallbackQueryContext, type Context, type InlineKeyboard } from 'grammy';
import { ZodError } from 'zod';
import { DomainError } from '../server/domain/errors.js';
import { callbackPattern, unpackCallback, type CallbackData, type CallbackOf, type CallbackProblem } from './callback-data.js';
import type { BotAccount, BotContext } from './context.js';
import type { Messages } from './i18n.js';

/** Send options for every bot message: HTML parse mode, no link previews, and the keyboard if any. */
export function htmlOptions(keyboard?: InlineKeyboard) {
  return { parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true }, ...(keyboard ? { reply_markup: keyboard } : {}) };
}

export function replyHtml(ctx: Context, text: string, keyboard?: InlineKeyboard) {
  return ctx.reply(text, htmlOptions(keyboard));
}

/**
 * A refusal by the domain (a `DomainError`, or a zod error on input the services validated) as a message
 * for the person; null for anything else, which is a bug and gets an apology instead.
 */
export function refusalMessage(error: unknown, t: Messages): string | null {
  const r = t.errors.refusal;
  if (error instanceof ZodError) return r.invalid(error.issues[0]?.message ?? '');
  if (!(error instanceof DomainError)) return null;
  switch (error.code) {
    case 'forbidden':
      return r.forbidden(error.message);
    case 'not_found':
      return r.notFound;
    case 'conflict':
      return r.conflict(error.message);
    case 'validation_failed':
    case 'bad_request':
      return r.invalid(error.message);
    case 'rate_limited':
      return r.rateLimited(error.message);
    case 'unauthorized':
      return r.unauthorized;
    default:
      return r.other(error.message);
  }
}

/**
 * Answers a button press (the toast, or an alert box with `alert`). Telegram refuses answers to presses
 * older than a few seconds; the press was handled anyway, so that refusal is not an error.
 */
export async function answerButton(ctx: Context, text?: string, alert = false): Promise<void> {
  if (!ctx.callbackQuery) return;
  try {
    await ctx.answerCallbackQuery(text ? { text, show_alert: alert } : undefined);
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
  }
}

/**
 * Runs an edit of an earlier message, accepting Telegram's refusals of it ("message is not modified",
 * "message to edit not found"): the edit only tidies up what is already on screen.
 */
export async function tidyEdit(edit: () => Promise<unknown>): Promise<void> {
  try {
    await edit();
  } catch (error) {
    if (!(error instanceof GrammyError && error.error_code === 400)) throw error;
  }
}

/** Replaces the buttons of the message a button was pressed on ("message is not modified" is fine). */
export async function editButtons(ctx: Context, keyboard: InlineKeyboard): Promise<void> {
  if (ctx.callbackQuery?.message?.message_id === undefined) return;
  await tidyEdit(() => ctx.editMessageReplyMarkup({ reply_markup: keyboard }));
}

/**
 * Replaces the text (and buttons) of the message a button was pressed on — or, when the press does not say
 * which message that was (some clients and emulators leave it out), sends the text as a new message.
 */
export async function editHtml(ctx: Context, text: string, keyboard?: InlineKeyboard): Promise<void> {
  if (ctx.callbackQuery?.message?.message_id === undefined) {
    await replyHtml(ctx, text, keyboard);
    return;
  }
  await tidyEdit(() => ctx.editMessageText(text, htmlOptions(keyboard)));
}

/** The sender's account; without one, tells them to /start (as a reply, or an alert on a button) and returns null. */
export async function accountOrHint(ctx: BotContext): Promise<BotAccount | null> {
  if (ctx.account) return ctx.account;
  if (ctx.callbackQuery) await answerButton(ctx, ctx.t.errors.notRegistered, true);
  else await replyHtml(ctx, ctx.t.errors.notRegistered);
  return null;
}

/** The polite answer to a button that decodes to nothing we act on. */
export async function answerStaleButton(ctx: BotContext, problem: CallbackProblem = 'invalid'): Promise<void> {
  await answerButton(ctx, problem === 'outdated' ? ctx.t.errors.outdatedButton : ctx.t.errors.staleButton, true);
}

/**
 * Registers `handler` for presses of `action` buttons, with their data decoded and typed. Buttons that
 * only look like ours are answered as stale and go no further.
 */
export function onButton<A extends CallbackData['action']>(
  composer: Composer<BotContext>,
  action: A,
  handler: (ctx: CallbackQueryContext<BotContext>, data: CallbackOf<A>) => Promise<unknown>,
): void {
  composer.callbackQuery(callbackPattern(action), async (ctx) => {
    const decoded = unpackCallback(ctx.callbackQuery.data);
    if (!decoded.ok || decoded.data.action !== action) return answerStaleButton(ctx, decoded.ok ? 'invalid' : decoded.problem);
    await handler(ctx, decoded.data as CallbackOf<A>);
  });
}
