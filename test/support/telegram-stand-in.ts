import type { InlineKeyboardMarkup, UserFromGetMe } from 'grammy/types';
import { MESSAGE_LIMIT } from '../../bot/html.js';
import type { Clock } from '../../server/clock.js';

/** The tags Telegram's HTML parse mode knows. */
const TELEGRAM_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'tg-emoji', 'code', 'pre', 'blockquote']);

/** Why Telegram's HTML parser would refuse `text` (a tag it does not know, one left open, a stray `<`), or null. */
function htmlProblem(text: string): string | null {
  const open: string[] = [];
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
    const tag = /^<(\/?)([a-z-]+)(\s[^<>]*)?>/i.exec(text.slice(i));
    if (!tag) return `unexpected "<" at byte offset ${i}`;
    const name = tag[2]!.toLowerCase();
    if (!TELEGRAM_TAGS.has(name)) return `unsupported start tag "${name}" at byte offset ${i}`;
    if (!tag[1]) open.push(name);
    else if (open.at(-1) !== name) return `unmatched end tag at byte offset ${i}, expected "</${open.at(-1) ?? ''}>", found "</${name}>"`;
    else open.pop();
  }
  return open.length > 0 ? `can't find end tag corresponding to start tag "${open.at(-1)}"` : null;
}

/** A message's length as Telegram limits it: the text left once HTML markup is parsed, in UTF-16 units. */
function visibleLength(text: string, parseMode: unknown): number {
  if (parseMode !== 'HTML') return text.length;
  return text.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot|#\d+);/g, '_').length;
}

/** One Bot API call the bot made. */
export interface ApiCall {
  method: string;
  payload: Record<string, any>;
  /** When it arrived (epoch ms on the stand-in's clock). */
  at: number;
  /** The error code it was answered with, when it was refused. */
  refusedWith?: number;
}

/** Telegram's flood control as the stand-in plays it: see `BotApiStandIn.floodControl`. */
export interface FloodRule {
  /** Messages (sendMessage) accepted per window before flood control starts. */
  limit: number;
  windowMs: number;
  /** The `retry_after` it answers with, in seconds; every call within it is refused too. */
  retryAfterSeconds: number;
}

/** A message in a chat as the stand-in keeps it: its latest text and buttons after any edits. */
export interface ChatMessage {
  messageId: number;
  chatId: number;
  text: string;
  buttons: { text: string; data: string }[][];
}

/** A Bot API failure to answer with, as Telegram words it. */
export interface ApiFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

export const BOT_INFO: UserFromGetMe = {
  id: 424242,
  is_bot: true,
  first_name: 'Tenderlab',
  username: 'tenderlab_test_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

function buttonsOf(markup: InlineKeyboardMarkup | undefined): ChatMessage['buttons'] {
  return (markup?.inline_keyboard ?? [])
    .filter((row) => row.length > 0)
    .map((row) => row.map((b) => ({ text: b.text, data: 'callback_data' in b ? (b.callback_data ?? '') : '' })));
}

/**
 * A Bot API server in memory, plugged in as grammY's `fetch` (so every Api instance built from the bot's
 * client options is covered, including the ones conversations make): records every call, answers like
 * Telegram, keeps each chat's messages current through edits, and fails the calls a test asks it to.
 */
export class BotApiStandIn {
  readonly calls: ApiCall[] = [];
  readonly messages = new Map<string, ChatMessage>();
  private nextMessageId = 100;
  private readonly pendingUpdates: unknown[] = [];
  private readonly failures: { method: string; failure: ApiFailure | { network: string } }[] = [];
  private readonly clock: Clock;
  private flood: { rule: FloodRule; accepted: number[]; until: number } | null = null;

  /** `clock` stamps the calls and times flood control; the system clock by default. */
  constructor({ clock }: { clock?: Clock } = {}) {
    this.clock = clock ?? { now: () => new Date() };
  }

  /**
   * From now on, answer like Telegram's flood control: once `rule.limit` messages were accepted within
   * `rule.windowMs`, the next message is refused with 429 and `retry_after`, and so is every call (any
   * method) until that time has passed.
   */
  floodControl(rule: FloodRule): void {
    this.flood = { rule, accepted: [], until: Number.NEGATIVE_INFINITY };
  }

  /** The 429 flood control gives this call, if any; records the messages it accepts. */
  private floodRefusal(method: string, at: number): ApiFailure | null {
    const flood = this.flood;
    if (!flood) return null;
    const tooMany = (retryAfterMs: number): ApiFailure => ({
      error_code: 429,
      description: `Too Many Requests: retry after ${Math.ceil(retryAfterMs / 1000)}`,
      parameters: { retry_after: Math.ceil(retryAfterMs / 1000) },
    });
    if (at < flood.until) return tooMany(flood.until - at);
    if (method !== 'sendMessage') return null;
    flood.accepted = flood.accepted.filter((t) => t > at - flood.rule.windowMs);
    if (flood.accepted.length >= flood.rule.limit) {
      flood.until = at + flood.rule.retryAfterSeconds * 1000;
      return tooMany(flood.until - at);
    }
    flood.accepted.push(at);
    return null;
  }

  /** An update for the bot to fetch with getUpdates (long polling). */
  queueUpdate(update: unknown): void {
    this.pendingUpdates.push(update);
  }

  /** The next call of `method` fails with `failure`: a Telegram error answer, or a network error with this code. */
  failNext(method: string, failure: ApiFailure | { network: string }): void {
    this.failures.push({ method, failure });
  }

  readonly fetch = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    const method = url.slice(url.lastIndexOf('/') + 1);
    const payload = init?.body ? JSON.parse(String(init.body)) : {};
    const call: ApiCall = { method, payload, at: this.clock.now().getTime() };
    this.calls.push(call);
    const failureIndex = this.failures.findIndex((f) => f.method === method);
    if (failureIndex >= 0) {
      const { failure } = this.failures.splice(failureIndex, 1)[0]!;
      if ('network' in failure) throw Object.assign(new Error(`network failure ${failure.network}`), { code: failure.network });
      call.refusedWith = failure.error_code;
      return Response.json({ ok: false, ...failure }, { status: failure.error_code });
    }
    const refusal = method === 'getUpdates' ? null : this.floodRefusal(method, call.at);
    if (refusal) {
      call.refusedWith = refusal.error_code;
      return Response.json({ ok: false, ...refusal }, { status: refusal.error_code });
    }
    if (method === 'sendMessage' || method === 'editMessageText') {
      const text = String(payload.text ?? '');
      const problem = payload.parse_mode === 'HTML' ? htmlProblem(text) : null;
      const description = problem ? `Bad Request: can't parse entities: ${problem}` : visibleLength(text, payload.parse_mode) > MESSAGE_LIMIT ? 'Bad Request: message is too long' : null;
      if (description) {
        call.refusedWith = 400;
        return Response.json({ ok: false, error_code: 400, description }, { status: 400 });
      }
    }
    if (method === 'getUpdates') {
      // Long polling: hold an empty answer briefly, as Telegram holds it up to `timeout`, so pollers do not spin.
      if (this.pendingUpdates.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      return Response.json({ ok: true, result: this.pendingUpdates.splice(0) });
    }
    return Response.json({ ok: true, result: this.answer(method, payload) });
  }) as typeof fetch;

  private answer(method: string, p: Record<string, any>): unknown {
    switch (method) {
      case 'getMe':
        return BOT_INFO;
      case 'sendMessage': {
        const message: ChatMessage = { messageId: this.nextMessageId++, chatId: Number(p.chat_id), text: p.text, buttons: buttonsOf(p.reply_markup) };
        this.messages.set(`${message.chatId}:${message.messageId}`, message);
        return { message_id: message.messageId, date: 1, chat: { id: message.chatId, type: 'private', first_name: 'User' }, text: p.text };
      }
      case 'editMessageText':
      case 'editMessageReplyMarkup': {
        const message = this.messages.get(`${p.chat_id}:${p.message_id}`);
        if (!message) return true;
        if (method === 'editMessageText') message.text = p.text;
        message.buttons = buttonsOf(p.reply_markup);
        return { message_id: message.messageId, date: 1, chat: { id: message.chatId, type: 'private', first_name: 'User' }, text: message.text };
      }
      default:
        return true;
    }
  }

  /** The messages of one chat, oldest first. */
  chat(chatId: number): ChatMessage[] {
    return [...this.messages.values()].filter((m) => m.chatId === chatId).sort((a, b) => a.messageId - b.messageId);
  }

  /** Calls of `method`, optionally only those since `from` (an index into `calls`). */
  callsOf(method: string, from = 0): ApiCall[] {
    return this.calls.slice(from).filter((c) => c.method === method);
  }
}

/** Waits (polling every 10 ms) until `check()` holds, as the bot works in the background; fails naming `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
