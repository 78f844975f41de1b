import type { Context, MiddlewareFn } from 'grammy';
import type { Services } from '../server/domain/services.js';

/**
 * Lets each update through once, however often it arrives and at whichever instance: its `update_id` is
 * claimed in the store before anything else happens, and an update already claimed goes no further. For
 * webhook mode, where Telegram redelivers an update it got no answer for and a proxy may hand one to any
 * instance. Install it outside the bot's error boundary: a claim that fails (the store out of reach)
 * rejects, the webhook answers Telegram with an error, and Telegram delivers the update again later.
 */
export function handleEachUpdateOnce(services: Services): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (await services.telegramUpdates.claim(ctx.me.id, ctx.update.update_id)) await next();
  };
}
