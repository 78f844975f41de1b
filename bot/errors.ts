import type { BotError } from 'grammy';
import { redactSecrets } from '../server/redact-secrets.js';
import type { BotContext } from './context.js';
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
 * The bot's `bot.catch`: nobody is left without an answer. A refusal by the services is told to the
 * person as it is (an alert on a button, a message otherwise) and is not logged — it is not a fault.
 * Anything else is logged without the token and answered with an apology.
 */
export function handleBotError(token: string, log: (line: string) => void) {
  return async (err: BotError<BotContext>): Promise<void> => {
    const ctx = err.ctx;
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
