import { InlineKeyboard } from 'grammy';
import type { z } from 'zod';
import type { Services } from '../../server/domain/services.js';
import { packCallback, unpackCallback } from '../callback-data.js';
import type { BotAccount, BotContext, BotConversation, ConversationContext } from '../context.js';
import { answerButton, htmlOptions, refusalMessage, tidyEdit } from '../handler-kit.js';
import type { Messages } from '../i18n.js';
import { stepKeyboard } from '../keyboards.js';

/** A step's reading of an answer: the value, or the message that asks again. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A text step's reading by one of the shared schemas' fields, with the step's own message on failure. */
export function bySchema<T>(schema: z.ZodType<T>, message: string): (text: string) => Parsed<T> {
  return (text) => {
    const parsed = schema.safeParse(text);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message };
  };
}
/** What a service call inside a conversation came to: its value, or the refusal to show. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

type Input = { kind: 'text'; text: string; ctx: ConversationContext } | { kind: 'button'; value: string; ctx: ConversationContext };

const DONE = 'done';
const SKIP = 'skip';
const LEAVE = 'leave';
const STAY = 'stay';
const preset = (i: number) => `p-${i}`;
const presetIndex = (value: string) => (/^p-(\d{1,2})$/.exec(value) ? Number(value.slice(2)) : -1);
const option = (i: number) => `o-${i}`;
const optionIndex = (value: string) => (/^o-(\d{1,3})$/.exec(value) ? Number(value.slice(2)) : -1);
/** `/post@TenderlabBot 123` → `/post`. */
const commandOf = (text: string) => text.split(/\s/, 1)[0]!.split('@')[0]!;

/** The buttons whose handlers start a form (features/propose.ts, mybids.ts, ask.ts, enterprise.ts): pressed mid-form, they ask first. */
const FORM_BUTTONS: ReadonlySet<string> = new Set(['propose', 'revise', 'ask', 'answer', 'reject', 'edit', 'award-note', 'review-redeem', 'review-score', 'review-recuse', 'ranking-feedback', 'profile-edit', 'enquire', 'enquiry-decline', 'achievement-deal', 'deal-object', 'objection-answer']);
function startsForm(data: string | undefined): data is string {
  if (data === undefined) return false;
  const decoded = unpackCallback(data);
  if (!decoded.ok) return false;
  // Close and Cancel first ask in a message of their own; only their "Yes" opens the reason's form.
  if (decoded.data.action === 'close' || decoded.data.action === 'cancel') return decoded.data.confirmed;
  return FORM_BUTTONS.has(decoded.data.action);
}

/**
 * The building blocks of every conversation, written for the conversations plugin's replay: each step
 * sends its prompt, then waits until it gets an answer it accepts, re-asking with a clear message
 * otherwise. Service calls and the clock go through `conversation.external`, so a replay never repeats
 * them. What a step does not expect is handed back: a command leaves the conversation and runs (after
 * saying so), a button that is not this conversation's goes on to its own handler.
 */
export function conversationSteps(conversation: BotConversation, ctx: ConversationContext, t: Messages, services: Services) {
  /**
   * A command, or a button that starts another form, in the middle of a form: asks before the answers so far
   * are thrown away. Leave ends the form (the person sends the command or taps the button again); Keep going
   * returns to the question; the same command sent, or the same button tapped, again is taken as a yes and runs.
   */
  async function confirmLeaving(trigger: { command: string } | { button: string }): Promise<void> {
    const asking = 'command' in trigger ? t.conversation.confirmLeave(trigger.command) : t.conversation.confirmLeaveForButton;
    const askId = await send(asking, stepKeyboard([{ value: LEAVE, label: t.conversation.leave }, { value: STAY, label: t.conversation.stay }], 2));
    const runAnyway = async () => {
      await tidyEdit(() => ctx.api.editMessageReplyMarkup(chatId(), askId, { reply_markup: new InlineKeyboard() }));
      return conversation.halt({ next: true });
    };
    for (;;) {
      const next = await conversation.wait();
      const text = next.message?.text;
      if (text?.startsWith('/')) {
        const command = commandOf(text);
        if ('command' in trigger && command === trigger.command) return runAnyway();
        return confirmLeaving({ command });
      }
      const data = next.callbackQuery?.data;
      if (data !== undefined && startsForm(data)) {
        if ('button' in trigger && data === trigger.button) return runAnyway();
        await answerButton(next);
        return confirmLeaving({ button: data });
      }
      const decoded = data !== undefined ? unpackCallback(data) : null;
      if (!decoded?.ok || decoded.data.action !== 'step' || (decoded.data.value !== LEAVE && decoded.data.value !== STAY)) {
        if (next.callbackQuery) await answerButton(next, t.conversation.stepDone);
        else await next.reply(t.conversation.tapButtons);
        continue;
      }
      await answerButton(next);
      if (decoded.data.value === LEAVE) {
        const left = 'command' in trigger ? t.conversation.leftForCommand(trigger.command) : t.conversation.leftForButton;
        await tidyEdit(() => ctx.api.editMessageText(chatId(), askId, left, htmlOptions()));
        return conversation.halt();
      }
      await tidyEdit(() => ctx.api.editMessageText(chatId(), askId, t.conversation.keptGoing, htmlOptions()));
      return;
    }
  }

  async function nextInput(promptId: number): Promise<Input> {
    for (;;) {
      const next = await conversation.wait();
      const text = next.message?.text;
      if (text?.startsWith('/')) {
        await confirmLeaving({ command: commandOf(text) });
        continue;
      }
      if (next.callbackQuery && startsForm(next.callbackQuery.data)) {
        await answerButton(next);
        await confirmLeaving({ button: next.callbackQuery.data });
        continue;
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

    /**
     * A text answer, read by `parse`; with `skippable`, a Skip button answers null; `presets` are buttons
     * that answer with their `text` (`[30 days]` → `in 30 days`), read by `parse` like typed text.
     */
    async text<T>({
      prompt,
      parse,
      skippable = false,
      presets = [],
    }: {
      prompt: string;
      parse: (text: string) => Parsed<T>;
      skippable?: boolean;
      presets?: readonly { label: string; text: string }[];
    }): Promise<T | null> {
      const buttons = [...presets.map((p, i) => ({ value: preset(i), label: p.label })), ...(skippable ? [{ value: SKIP, label: t.conversation.skip }] : [])];
      const promptId = await send(prompt, buttons.length > 0 ? stepKeyboard(buttons, 3) : undefined);
      for (;;) {
        const input = await nextInput(promptId);
        if (input.kind === 'button') {
          const chosen = presets[presetIndex(input.value)];
          if (chosen) {
            const parsed = parse(chosen.text);
            if (parsed.ok) {
              await markAnswered(input, promptId, prompt, chosen.label);
              return parsed.value;
            }
            await answerButton(input.ctx, parsed.message.replace(/<[^>]+>/g, ''), true);
            continue;
          }
          if (input.value !== SKIP || !skippable) {
            await answerButton(input.ctx, t.conversation.stepDone);
            continue;
          }
          await markAnswered(input, promptId, prompt, t.conversation.skip);
          return null;
        }
        const parsed = parse(input.text);
        if (parsed.ok) {
          if (buttons.length > 0) await tidyEdit(() => ctx.api.editMessageReplyMarkup(chatId(), promptId, { reply_markup: new InlineKeyboard() }));
          return parsed.value;
        }
        await input.ctx.reply(parsed.message, htmlOptions());
      }
    },

    /**
     * A text that may come in several messages (a client splits a long one at 4,096 characters): every part
     * is kept, each acknowledged with a running count and a Done button, until Done; Skip before the first
     * part answers null. The joined text is read by `parse` (its limit applies to the whole).
     */
    async longText<T>({ prompt, parse }: { prompt: string; parse: (text: string) => Parsed<T> }): Promise<T | null> {
      const promptId = await send(prompt, stepKeyboard([{ value: SKIP, label: t.conversation.skip }]));
      const parts: string[] = [];
      let ackId: number | null = null;
      const doneKeyboard = () => stepKeyboard([{ value: DONE, label: t.conversation.done }]);
      for (;;) {
        const input = await nextInput(ackId ?? promptId);
        if (input.kind === 'text') {
          parts.push(input.text);
          const total = parts.join('\n').length;
          if (ackId === null) await tidyEdit(() => ctx.api.editMessageReplyMarkup(chatId(), promptId, { reply_markup: new InlineKeyboard() }));
          else {
            const previous = ackId;
            await tidyEdit(() => ctx.api.editMessageReplyMarkup(chatId(), previous, { reply_markup: new InlineKeyboard() }));
          }
          ackId = await send(t.conversation.partReceived(parts.length, total), doneKeyboard());
          continue;
        }
        if (parts.length === 0 && input.value === SKIP) {
          await markAnswered(input, promptId, prompt, t.conversation.skip);
          return null;
        }
        if (parts.length === 0 || input.value !== DONE) {
          await answerButton(input.ctx, t.conversation.stepDone);
          continue;
        }
        const parsed = parse(parts.join('\n'));
        await answerButton(input.ctx);
        if (parsed.ok) {
          const id = ackId!;
          await tidyEdit(() => ctx.api.editMessageReplyMarkup(chatId(), id, { reply_markup: new InlineKeyboard() }));
          return parsed.value;
        }
        // Too long as a whole: start the text again.
        parts.length = 0;
        ackId = null;
        await send(parsed.message);
        await send(prompt, stepKeyboard([{ value: SKIP, label: t.conversation.skip }]));
      }
    },

    /** Several of `options` (indexes), ticked with buttons, then Done; at least `min` of them; `ticked` to start with. */
    async pickMany({ prompt, options, min, minMessage, columns = 1, ticked = [] }: { prompt: string; options: readonly string[]; min: number; minMessage?: string; columns?: number; ticked?: readonly number[] }): Promise<number[]> {
      const picked = new Set<number>(ticked);
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
