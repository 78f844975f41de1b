import { Composer } from 'grammy';
import { DomainError } from '../../server/domain/errors.js';
import { identityOf, type BotContext, type BotDeps } from '../context.js';
import { accountOrHint, replyHtml } from '../handler-kit.js';
import { formatDateTime } from '../format-challenge.js';
import { messagesFor } from '../i18n.js';

/** Wrong /link codes a Telegram user may send per window before being asked to wait. */
const MAX_WRONG_CODES = 5;
const WRONG_CODE_WINDOW_MS = 10 * 60_000;
const MAX_TRACKED_USERS = 10_000;

/**
 * Linking the two ways round. /link CODE attaches this chat to the account that asked the API for the code
 * (`POST /api/auth/link-code`); /connect gives a code the extension exchanges for a token
 * (`POST /api/auth/exchange`). The services make codes single-use, ten-minute and limited in number;
 * the bot adds a limit on wrong guesses per Telegram user, since a code is short enough to type.
 */
export function linkFeature({ services }: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const wrongCodes = new Map<number, number[]>();
  const now = () => services.clock.now().getTime();

  function forgetOldMisses(): void {
    for (const userId of wrongCodes.keys()) recentMisses(userId);
  }

  function recentMisses(userId: number): number[] {
    const recent = (wrongCodes.get(userId) ?? []).filter((at) => at > now() - WRONG_CODE_WINDOW_MS);
    if (recent.length === 0) wrongCodes.delete(userId);
    else wrongCodes.set(userId, recent);
    return recent;
  }

  composer.command('link', async (ctx) => {
    const code = ctx.match.trim();
    const identity = identityOf(ctx);
    if (!code || !identity) return replyHtml(ctx, ctx.t.link.usage);
    if (recentMisses(identity.userId).length >= MAX_WRONG_CODES) return replyHtml(ctx, ctx.t.link.tooManyAttempts);
    try {
      const account = await services.accounts.linkTelegram(code, identity);
      wrongCodes.delete(identity.userId);
      // The linked account's language from now on, even if this chat spoke another before.
      await replyHtml(ctx, messagesFor(account.locale).link.linked(account.displayName));
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'validation_failed')) throw error;
      wrongCodes.set(identity.userId, [...recentMisses(identity.userId), now()]);
      // Bounded memory however many people mistype: stale entries go once the map grows.
      if (wrongCodes.size > MAX_TRACKED_USERS) forgetOldMisses();
      await replyHtml(ctx, ctx.t.link.badCode);
    }
  });

  composer.command('connect', async (ctx) => {
    const account = await accountOrHint(ctx);
    if (!account) return;
    const { code, expiresAt } = await services.accounts.createExchangeCode(account);
    await replyHtml(ctx, ctx.t.link.connectCode(code, formatDateTime(expiresAt, ctx.locale)));
  });

  return composer;
}
