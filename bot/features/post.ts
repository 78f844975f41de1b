import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { enterConversation } from '../conversations/enter.js';
import { accountOrHint, replyHtml } from '../handler-kit.js';

/**
 * /post starts the challenge conversation. Accounts without the enterprise role are pointed to /start
 * before seven questions rather than refused after them; the services still decide when it is created.
 */
export function postFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('post', async (ctx) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    if (!account.roles.includes('enterprise')) return replyHtml(ctx, ctx.t.post.enterpriseOnly);
    await enterConversation(ctx, 'post');
  });
  return composer;
}
