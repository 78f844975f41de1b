import { Composer, InlineKeyboard } from 'grammy';
import { packCallback, unpackCallback } from '../callback-data.js';
import type { BotContext, BotDeps } from '../context.js';
import { answerStaleButton, replyHtml } from '../handler-kit.js';
import { truncate } from '../html.js';
import { helpText } from './help.js';

/** Longest free text offered as a search. */
const MAX_SEARCH_OFFER = 200;

/**
 * Last in line, so nobody is left without an answer: an unknown command gets the help, free text gets an
 * offer to search for it (or /start, before an account exists), anything else a pointer to /help, and a
 * button no handler took is answered as expired.
 */
export function fallbackFeature({ memo }: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.on('message:text', async (ctx) => {
    const text = ctx.message.text.trim();
    if (text.startsWith('/')) {
      const command = text.split(/\s/)[0]!.split('@')[0]!;
      return replyHtml(ctx, `${ctx.t.fallback.unknownCommand(command)}\n\n${helpText(ctx.account, ctx.t)}`);
    }
    if (!ctx.account) return replyHtml(ctx, ctx.t.fallback.unregisteredText);
    const query = text.slice(0, MAX_SEARCH_OFFER);
    const offer = new InlineKeyboard().text(
      ctx.t.fallback.searchFor(truncate(query, 30)),
      packCallback({ action: 'more', list: 'search', offset: 0, memo: memo.remember(query) }),
    );
    await replyHtml(ctx, ctx.t.fallback.freeText, offer);
  });

  composer.on('message', (ctx) => replyHtml(ctx, ctx.t.fallback.nonText));

  composer.on('callback_query', (ctx) => {
    const decoded = unpackCallback(ctx.callbackQuery.data);
    return answerStaleButton(ctx, decoded.ok ? 'invalid' : decoded.problem);
  });

  return composer;
}
