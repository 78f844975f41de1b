import type { Conversation, ConversationFlavor } from '@grammyjs/conversations';
import type { Context, MiddlewareFn } from 'grammy';
import type { Locale } from '../shared/schemas/common.js';
import type { TelegramIdentity } from '../server/domain/accounts.js';
import type { Actor } from '../server/domain/permissions.js';
import type { Services } from '../server/domain/services.js';
import { localeFromLanguageCode, messagesFor, type Messages } from './i18n.js';
import type { LiveCards } from './live-cards.js';
import type { QueryMemo } from './query-memo.js';

/** A Tenderlab account as the services hand it out, and take it back as the one acting. */
export type BotAccount = NonNullable<Actor>;

/** What the bot knows about the person behind an update, loaded once per update. */
export interface AccountFlavor {
  /** Their Tenderlab account, or null before /start (or /link). */
  account: BotAccount | null;
  /** The account's language, or a guess from the Telegram app's language for people without one. */
  locale: Locale;
  t: Messages;
}

/** The context of the bot's middleware. */
export type BotContext = ConversationFlavor<Context & AccountFlavor>;
/** The context inside conversations: a plain one (conversations replay, so it carries no loaded state). */
export type ConversationContext = Context;
export type BotConversation = Conversation<BotContext, ConversationContext>;

/** What every feature and conversation is built from. */
export interface BotDeps {
  services: Services;
  /** Search queries behind "More" buttons (a query does not fit in a button's 64 bytes). */
  memo: QueryMemo;
  /** One line per problem; never given the token. */
  log: (line: string) => void;
  /** The enterprise's cards sent from this process, edited when what they show changes. */
  cards: LiveCards;
  /** The board's address (no trailing slash), for "read it all" links under cut descriptions. */
  publicUrl: string;
}

/** The Telegram identity of the sender of a private-chat update. */
export function identityOf(ctx: Context): TelegramIdentity | null {
  if (!ctx.from || !ctx.chat) return null;
  return { userId: ctx.from.id, chatId: ctx.chat.id, username: ctx.from.username ?? null };
}

/** A display name for a new account: the person's Telegram name. */
export function displayNameOf(ctx: Context): string {
  const from = ctx.from;
  if (!from) return '';
  return [from.first_name, from.last_name].filter(Boolean).join(' ').trim() || from.username || '';
}

/**
 * Treats `/command …` typed without Telegram's `bot_command` entity as a command. Telegram always adds the
 * entity, but Bot API emulators and some clients do not, and a command must never fall through to free text.
 */
export const recogniseCommands: MiddlewareFn<BotContext> = async (ctx, next) => {
  const message = ctx.message;
  const command = message?.text ? /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]+)?/.exec(message.text) : null;
  if (message && command && !message.entities?.some((e) => e.type === 'bot_command' && e.offset === 0)) {
    message.entities = [{ type: 'bot_command', offset: 0, length: command[0].length }, ...(message.entities ?? [])];
  }
  await next();
};

/**
 * Loads the sender's account and language for every update. In a private chat it also keeps the linked
 * chat current and clears a "blocked" mark (they are talking to the bot again) — except on
 * `my_chat_member` updates, which are how Telegram says they blocked or unblocked it.
 */
export function loadAccount(services: Services): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    let account = ctx.from ? ((await services.accounts.findByTelegram(ctx.from.id)) ?? null) : null;
    const identity = identityOf(ctx);
    if (account && identity && ctx.chat?.type === 'private' && !ctx.myChatMember) {
      account = await services.accounts.touchTelegram(account.id, identity);
    }
    ctx.account = account;
    ctx.locale = account?.locale ?? localeFromLanguageCode(ctx.from?.language_code);
    ctx.t = messagesFor(ctx.locale);
    await next();
  };
}
