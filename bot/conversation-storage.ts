import { conversations, PLUGIN_DATA_VERSION, type ConversationData, type VersionedStateStorage } from '@grammyjs/conversations';
import { Composer, type Context } from 'grammy';
import type { ConversationKey } from '../server/domain/conversations.js';
import { DomainError } from '../server/domain/errors.js';
import type { Services } from '../server/domain/services.js';
import type { BotContext, ConversationContext } from './context.js';
import { answerButton, replyHtml } from './handler-kit.js';

/**
 * The version of the bot's forms. Raise it when a conversation's steps change (a step added, removed or
 * moved, a different call to the services): the plugin replays a saved form step by step through the
 * code, so a form saved by other code would be replayed wrongly. A form of another version is let go
 * instead, with a word to the person.
 */
export const FORMS_VERSION = 4;

/** What a saved form is stamped with: the plugin's data format and our forms' version. */
export const STORED_FORMS_VERSION = `${PLUGIN_DATA_VERSION}.${FORMS_VERSION}`;

function keyOf(ctx: Context): ConversationKey | null {
  return ctx.chat && ctx.from ? { chatId: ctx.chat.id, userId: ctx.from.id } : null;
}

/** True for a message that is a command (it then runs after the notice: /post starts the form again). */
function isCommand(ctx: Context): boolean {
  return ctx.message?.entities?.some((e) => e.type === 'bot_command' && e.offset === 0) ?? false;
}

/**
 * grammY's conversations plugin with the state of unfinished forms kept by the domain (the store: the data
 * directory under lowdb, the database under PostgreSQL) rather than in this process's memory, so a restart,
 * or another instance taking the next answer, carries on at the same step. The state is the plugin's
 * versioned state as JSON, saved after every update that changed it and removed when no form is left.
 *
 * A form saved under another `version` (a deploy changed the forms) is not resumed: it is removed, the
 * person is told to start again, and the update goes on only if it is a command. When two answers of one
 * person were handled at once (by two instances) and the other one's state was saved first, this one's is
 * not saved over it: the person is asked to answer the last question again.
 */
export function durableConversations(services: Services, version = STORED_FORMS_VERSION): Composer<BotContext> {
  const interrupted = new WeakSet<Context>();
  /** The revision each update read, which its write names: null when nothing was saved. */
  const revisions = new WeakMap<Context, number | null>();

  /** Runs a write; one refused because another answer's state was saved meanwhile is told, not thrown. */
  async function unlessCrossed(ctx: BotContext, write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
      await replyHtml(ctx, ctx.t.conversation.crossed);
    }
  }

  const adapter: VersionedStateStorage<BotContext, ConversationData> = {
    async read(ctx) {
      const key = keyOf(ctx);
      if (!key) return undefined;
      const saved = await services.conversations.resume(key, version);
      if (saved === 'outdated') interrupted.add(ctx);
      const current = saved === 'outdated' ? null : saved;
      revisions.set(ctx, current?.revision ?? null);
      return current ? JSON.parse(current.state) : undefined;
    },
    async write(ctx, state) {
      const key = keyOf(ctx);
      if (!key) return;
      await unlessCrossed(ctx, () => services.conversations.save(key, version, JSON.stringify(state), revisions.get(ctx) ?? null));
    },
    async delete(ctx) {
      const key = keyOf(ctx);
      if (!key) return;
      await unlessCrossed(ctx, () => services.conversations.remove(key, revisions.get(ctx) ?? null));
    },
  };

  const composer = new Composer<BotContext>();
  composer.use(conversations<BotContext, ConversationContext>({ storage: { type: 'context', adapter } }));
  composer.use(async (ctx, next) => {
    if (!interrupted.has(ctx)) return next();
    await answerButton(ctx);
    await replyHtml(ctx, ctx.t.conversation.interrupted);
    if (isCommand(ctx)) await next();
  });
  return composer;
}
