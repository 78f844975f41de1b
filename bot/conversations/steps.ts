import { InlineKeyboard } from 'grammy';
import type { Services } from '../../server/domain/services.js';
import { packCallback, unpackCallback } from '../callback-data.js';
import type { BotAccount, BotContext, BotConversation, ConversationContext } from '../context.js';
import { answerButton, htmlOptions, refusalMessage, tidyEdit } from '../handler-kit.js';
import type { Messages } from '../i18n.js';
import { stepKeyboard } from '../keyboards.js';

/** A step's reading of an answer: the value, or the message that asks again. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
/** What a service call inside a conversation came to: its value, or the refusal to show. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

type Input = { kind: 'text'; text: string; ctx: ConversationContext } | { kind: 'button'; value: string; ctx: ConversationContext };

const DONE = 'done';
const SKIP = 'skip';
const option = (i: number) => `o-${i}`;
const optionIndex = (value: string) => (/^o-(\d{1,3})$/.exec(value) ? Number(value.slice(2)) : -1);

/**
 * The building blocks of every conversation, written for the conversations plugin's replay: each step
 * sends its prompt, then waits until it gets an answer it accepts, re-asking with a clear message
 * otherwise. Service calls and the clock go through `conversation.external`, so a replay never repeats
 * them. What a step does not expect is handed back: a command leaves the conversation and runs (after
 * saying so), a button that is not this conversation's goes on to its own handler.
 */
export function conversationSteps(conversation: BotConversation, ctx: ConversationContext, t: Messages, services: Services) {
  async function nextInput(promptId: number): Promise<Input> {
    for (;;) {
      const next = await conversation.wait();
      const text = next.message?.text;
      if (text?.startsWith('/')) {
        await next.reply(t.conversation.leftForCommand);
        return conversation.halt({ next: true });
      }
      if (next.callbackQuery) {
        const decoded = unpackCallback(next.callbackQuery.data);
        if (!decoded.ok || decoded.data.action !== 'step') return conversation.skip({ next: true });
        // A press that names no message (some clients leave it out) is taken as meant for the current step.
        const pressedOn = next.callbackQuery.message?.message_id;
        if (pressedOn !== undefined && pressedOn !== promptId) {
          await answerButton(next, t.conversation.stepDone);
          continue;
        }
        return { kind: 'button', value: decoded.data.value, ctx: next };
      }
      if (next.message) {
        if (text === undefined) {
          await next.reply(t.conversation.textPlease);
          continue;
        }
        return { kind: 'text', text, ctx: next };
      }
      return conversation.skip({ next: true });
    }
  }

  async function send(text: string, keyboard?: InlineKeyboard): Promise<number> {
    return (await ctx.reply(text, htmlOptions(keyboard))).message_id;
  }

  // Prompts are edited by their own id, not through the press, which may not say which message it came from.
  const chatId = () => ctx.chat!.id;

  /** The prompt as answered: its text with the choice under it, and no buttons left to press. */
  async function markAnswered(input: Input & { kind: 'button' }, promptId: number, prompt: string, choice: string): Promise<void> {
    await answerButton(input.ctx);
    await tidyEdit(() => ctx.api.editMessageText(chatId(), promptId, `${prompt}\n\n${t.conversation.chosen(choice)}`, htmlOptions()));
  }

  return {
    say: (text: string, keyboard?: InlineKeyboard) => send(text, keyboard),

    /** A text answer, read by `parse`; with `skippable`, a Skip button answers null. */
    async text<T>({ prompt, parse, skippable = false }: { prompt: string; parse: (text: string) => Parsed<T>; skippable?: boolean }): Promise<T | null> {
      const promptId = await send(prompt, skippable ? stepKeyboard([{ value: SKIP, label: t.conversation.skip }]) : undefined);
      for (;;) {
        const input = await nextInput(promptId);
        if (input.kind === 'button') {
          if (input.value !== SKIP) {
            await answerButton(input.ctx, t.conversation.stepDone);
            continue;
          }
          await markAnswered(input, promptId, prompt, t.conversation.skip);
          return null;
        }
        const parsed = parse(input.text);
        if (parsed.ok) {
          if (skippable) await tidyEdit(() => ctx.api.editMessageReplyMarkup(chatId(), promptId, { reply_markup: new InlineKeyboard() }));
          return parsed.value;
        }
        await input.ctx.reply(parsed.message, htmlOptions());
      }
    },

    /** Several of `options` (indexes), ticked with buttons, then Done; at least `min` of them. */
    async pickMany({ prompt, options, min, minMessage, columns = 1 }: { prompt: string; options: readonly string[]; min: number; minMessage?: string; columns?: number }): Promise<number[]> {
      const picked = new Set<number>();
      const keyboard = () =>
        stepKeyboard(options.map((label, i) => ({ value: option(i), label: `${picked.has(i) ? '✅ ' : ''}${label}` })), columns)
          .row()
          .text(t.conversation.done, packCallback({ action: 'step', value: DONE }));
      const promptId = await send(prompt, keyboard());
      for (;;) {
        const input = await nextInput(promptId);
        if (input.kind === 'text') {
          await input.ctx.reply(t.conversation.tapButtons);
          continue;
        }
        if (input.value === DONE) {
          if (picked.size < min) {
            await answerButton(input.ctx, minMessage ?? t.conversation.tapButtons, true);
            continue;
          }
          const chosen = [...picked].sort((a, b) => a - b);
          await markAnswered(input, promptId, prompt, chosen.map((i) => options[i]).join(t.conversation.listSeparator));
          return chosen;
        }
        const i = optionIndex(input.value);
        if (i < 0 || i >= options.length) {
          await answerButton(input.ctx, t.conversation.stepDone);
          continue;
        }
        if (picked.has(i)) picked.delete(i);
        else picked.add(i);
        await answerButton(input.ctx);
        await tidyEdit(() => ctx.api.editMessageReplyMarkup(chatId(), promptId, { reply_markup: keyboard() }));
      }
    },

    /** One of `options` (its index), by button. */
    async pickOne({ prompt, options, columns = 1 }: { prompt: string; options: readonly string[]; columns?: number }): Promise<number> {
      const promptId = await send(prompt, stepKeyboard(options.map((label, i) => ({ value: option(i), label })), columns));
      for (;;) {
        const input = await nextInput(promptId);
        if (input.kind === 'text') {
          await input.ctx.reply(t.conversation.tapButtons);
          continue;
        }
        const i = optionIndex(input.value);
        if (i < 0 || i >= options.length) {
          await answerButton(input.ctx, t.conversation.stepDone);
          continue;
        }
        await markAnswered(input, promptId, prompt, options[i]!);
        return i;
      }
    },

    /** A message (a preview) with buttons under it; the value of the one pressed. The text stays, the buttons go. */
    async choose({ text, choices }: { text: string; choices: readonly { value: string; label: string }[] }): Promise<string> {
      const promptId = await send(text, stepKeyboard(choices, 2));
      for (;;) {
        const input = await nextInput(promptId);
        if (input.kind === 'text' || !choices.some((c) => c.value === input.value)) {
          if (input.kind === 'text') await input.ctx.reply(t.conversation.tapButtons);
          else await answerButton(input.ctx, t.conversation.stepDone);
          continue;
        }
        await answerButton(input.ctx);
        await tidyEdit(() => ctx.api.editMessageReplyMarkup(chatId(), promptId, { reply_markup: new InlineKeyboard() }));
        return input.value;
      }
    },

    /**
     * Calls the services as the sender's account, once (replays reuse the stored outcome). A refusal is an
     * outcome to show; anything else is a bug and propagates to the bot's error handler.
     */
    call<T>(task: (actor: BotAccount) => Promise<T>): Promise<Outcome<T>> {
      return conversation.external(async (outside: BotContext): Promise<Outcome<T>> => {
        if (!outside.account) return { ok: false, message: t.errors.notRegistered };
        try {
          return { ok: true, value: await task(outside.account) };
        } catch (error) {
          const message = refusalMessage(error, t);
          if (message === null) throw error;
          return { ok: false, message };
        }
      });
    },

    /** The services' clock, read once. */
    async now(): Promise<Date> {
      return new Date(await conversation.external(() => services.clock.now().toISOString()));
    },
  };
}
