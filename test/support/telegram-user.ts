import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { BotApiStandIn, ChatMessage } from './telegram-stand-in.js';

let nextUpdateId = 1;

/** What one update made the bot do: the messages it sent and the answers it gave to the button. */
export interface Reaction {
  /** Texts of the messages sent, in order. */
  sent: string[];
  /** The messages sent, with their buttons. */
  messages: ChatMessage[];
  /** Texts of edits to existing messages. */
  edited: string[];
  /** Texts given to answerCallbackQuery (toasts and alerts; '' when answered silently). */
  answers: { text: string; alert: boolean }[];
}

/**
 * A Telegram user in a private chat with the bot (chat id = user id, as Telegram does): sends messages,
 * commands and button presses as updates to `bot.handleUpdate`, and reports what the bot did in answer.
 */
export class TelegramUser {
  constructor(
    private readonly bot: Bot<any>,
    private readonly api: BotApiStandIn,
    readonly id: number,
    private readonly profile: { firstName?: string; languageCode?: string; username?: string } = {},
  ) {}

  get from() {
    return {
      id: this.id,
      is_bot: false as const,
      first_name: this.profile.firstName ?? `User${this.id}`,
      ...(this.profile.username ? { username: this.profile.username } : {}),
      ...(this.profile.languageCode ? { language_code: this.profile.languageCode } : {}),
    };
  }

  private get chat() {
    return { id: this.id, type: 'private' as const, first_name: this.from.first_name };
  }

  /** Delivers an update and reports what the bot did. */
  async deliver(update: Omit<Update, 'update_id'>): Promise<Reaction> {
    const from = this.api.calls.length;
    const known = new Set(this.api.chat(this.id).map((m) => m.messageId));
    await this.bot.handleUpdate({ update_id: nextUpdateId++, ...update } as Update);
    const calls = this.api.calls.slice(from);
    const messages = this.api.chat(this.id).filter((m) => !known.has(m.messageId));
    return {
      sent: messages.map((m) => m.text),
      messages,
      edited: calls.filter((c) => c.method === 'editMessageText' && Number(c.payload.chat_id) === this.id).map((c) => String(c.payload.text)),
      answers: calls.filter((c) => c.method === 'answerCallbackQuery').map((c) => ({ text: String(c.payload.text ?? ''), alert: Boolean(c.payload.show_alert) })),
    };
  }

  /** A text message; one starting with `/` is a command, with the entity Telegram adds. */
  send(text: string): Promise<Reaction> {
    const command = text.startsWith('/') ? text.split(/\s/)[0]! : null;
    return this.deliver({
      message: {
        message_id: nextUpdateId * 10,
        date: Math.floor(Date.now() / 1000),
        chat: this.chat,
        from: this.from,
        text,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
      },
    } as Omit<Update, 'update_id'>);
  }

  /** A message that is not text (a sticker). */
  sendSticker(): Promise<Reaction> {
    return this.deliver({
      message: { message_id: nextUpdateId * 10, date: 1, chat: this.chat, from: this.from, sticker: { file_id: 'x', file_unique_id: 'x', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } },
    } as Omit<Update, 'update_id'>);
  }

  /**
   * A press of a button with this callback data on message `messageId` — or, with null, a press that does
   * not say which message it was on (as Bot API emulators' clients send them).
   */
  pressData(data: string, messageId: number | null = 1): Promise<Reaction> {
    return this.deliver({
      callback_query: {
        id: String(nextUpdateId),
        from: this.from,
        chat_instance: 'ci',
        data,
        message: { ...(messageId === null ? {} : { message_id: messageId }), date: 1, chat: this.chat, text: '' },
      },
    } as Omit<Update, 'update_id'>);
  }

  /** A text message exactly as given: no command entity, as some emulators send `/start`. */
  sendPlain(text: string): Promise<Reaction> {
    return this.deliver({ message: { message_id: nextUpdateId * 10, date: 1, chat: this.chat, from: this.from, text } } as Omit<Update, 'update_id'>);
  }

  /** The newest message in this chat with a button whose label contains `label`, and that button. */
  findButton(label: string | RegExp): { message: ChatMessage; data: string } {
    const matches = (text: string) => (typeof label === 'string' ? text.includes(label) : label.test(text));
    for (const message of this.api.chat(this.id).reverse()) {
      for (const button of message.buttons.flat()) if (matches(button.text)) return { message, data: button.data };
    }
    throw new Error(`No button labelled ${String(label)} in chat ${this.id}`);
  }

  /** Presses the newest button labelled `label` (contains), as Telegram would send it. */
  press(label: string | RegExp): Promise<Reaction> {
    const { message, data } = this.findButton(label);
    return this.pressData(data, message.messageId);
  }

  /** Telegram's notice that this user blocked (`kicked`) or unblocked (`member`) the bot. */
  membership(status: 'kicked' | 'member'): Promise<Reaction> {
    const bot = { id: 424242, is_bot: true, first_name: 'Tenderlab' };
    return this.deliver({
      my_chat_member: {
        chat: this.chat,
        from: this.from,
        date: 1,
        old_chat_member: { user: bot, status: status === 'kicked' ? 'member' : 'kicked', ...(status === 'kicked' ? {} : { until_date: 0 }) },
        new_chat_member: { user: bot, status, ...(status === 'kicked' ? { until_date: 0 } : {}) },
      },
    } as Omit<Update, 'update_id'>);
  }

  /** Every message in this chat, oldest first. */
  get messages(): ChatMessage[] {
    return this.api.chat(this.id);
  }

  get lastMessage(): ChatMessage {
    const all = this.messages;
    if (all.length === 0) throw new Error(`No message in chat ${this.id}`);
    return all[all.length - 1]!;
  }
}
