import { GrammyError, HttpError, type BotError } from 'grammy';
import { redactSecrets } from '../server/redact-secrets.js';
import type { BotContext } from './context.js';
import { NotAdmittedError } from './flood-control.js';
import { answerButton, refusalMessage, replyHtml } from './handler-kit.js';
import { localeFromLanguageCode, messagesFor } from './i18n.js';

/** An error as one log line: its message and causes, with the token (and anything shaped like one) removed. */
export function describeError(error: unknown, token: string): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    parts.push(current instanceof Error ? `${current.name}: ${current.message}` : String(current));
    current = current instanceof Error ? (current.cause ?? (current as { error?: unknown }).error) : null;
  }
  const line = parts.join(' <- ').replace(/\s+/g, ' ');
  return redactSecrets(line, token).slice(0, 1000);
}

/**
 * Whether `error` is a message that did not reach the person — Telegram refused a call, did not answer it,
 * or flood control gave it up — rather than a failure of what they asked for. The bot's actions are the
 * services' calls; a Bot API call only reports on them.
 */
export function isUndelivered(error: unknown): boolean {
  return error instanceof GrammyError || error instanceof HttpError || error instanceof NotAdmittedError;
}

/**
 * The bot's `bot.catch`. A refusal by the services is told to the person as it is (an alert on a button, a
 * message otherwise) and is not logged — it is not a fault. A message that could not be delivered is logged
 * and nothing more is said: what it reported on (a link made, a bid sent) stands, and an apology would claim
 * it failed — besides going the way the message did. Anything else is logged without the token and
 * answered with an apology.
 */
export function handleBotError(token: string, log: (line: string) => void) {
  return async (err: BotError<BotContext>): Promise<void> => {
    const ctx = err.ctx;
    if (isUndelivered(err.error)) {
      log(`[bot] update ${ctx.update.update_id}: a message was not delivered (what it reported on stands): ${describeError(err.error, token)}`);
      // Only stops the button's spinner; says nothing about the outcome.
      await answerButton(ctx).catch(() => undefined);
      return;
    }
    const t = ctx.t ?? messagesFor(localeFromLanguageCode(ctx.from?.language_code));
    const refusal = refusalMessage(err.error, t);
    if (refusal === null) log(`[bot] update ${ctx.update.update_id} failed: ${describeError(err.error, token)}`);
    try {
      if (ctx.callbackQuery) await answerButton(ctx, refusal ?? t.errors.apology, true);
      if (!ctx.callbackQuery || refusal === null) {
        if (ctx.chat) await replyHtml(ctx, refusal ?? t.errors.apology);
      }
    } catch (error) {
      log(`[bot] could not tell the user about a failure: ${describeError(error, token)}`);
    }
  };
}
