import { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../context.js';

/**
 * `my_chat_member` in a private chat is Telegram saying the person blocked the bot (`kicked`) or unblocked
 * it (`member`). The outbox stops trying to reach a blocked account — skipping what waits for it — and
 * delivers new notifications again once unblocked.
 */
export function membershipFeature({ services, log }: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('my_chat_member', async (ctx) => {
    const update = ctx.myChatMember;
    if (update.chat.type !== 'private' || !ctx.account) return;
    const status = update.new_chat_member.status;
    if (status !== 'kicked' && status !== 'member') return;
    const changed = await services.accounts.setTelegramBlocked(ctx.account.id, status === 'kicked');
    if (changed) log(`[bot] account ${ctx.account.id} ${status === 'kicked' ? 'blocked' : 'unblocked'} the bot`);
  });
  return composer;
}
