import { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../context.js';
import { accountOrHint, answerButton, editHtml, onButton, replyHtml } from '../handler-kit.js';
import { messagesFor } from '../i18n.js';
import { languageKeyboard } from '../keyboards.js';

/** /lang: English or Chinese for every message from now on, notifications included. */
export function langFeature({ services }: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command('lang', async (ctx) => {
    if (!(await accountOrHint(ctx))) return;
    await replyHtml(ctx, ctx.t.lang.choose, languageKeyboard('set-lang'));
  });

  onButton(composer, 'set-lang', async (ctx, { locale }) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    await services.accounts.updateMe(account, { locale });
    await answerButton(ctx);
    await editHtml(ctx, messagesFor(locale).lang.changed);
  });

  return composer;
}
