import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { replyHtml } from '../handler-kit.js';

/** /cancel leaves whatever conversation is going on. Installed before the conversations, so they never see it. */
export function cancelFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('cancel', async (ctx) => {
    const active = Object.keys(ctx.conversation.active()).length > 0;
    await ctx.conversation.exitAll();
    await replyHtml(ctx, active ? ctx.t.conversation.cancelled : ctx.t.conversation.nothingToCancel);
  });
  return composer;
}
