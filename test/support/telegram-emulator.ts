import { createServer } from 'node:net';
import TelegramServer from 'telegram-test-api';

/** A free TCP port on localhost (asked of the OS, then released for the emulator to take). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A bot message as a chat shows it: latest text and buttons (edits applied). */
export interface EmulatedMessage {
  messageId: number;
  text: string;
  buttons: { text: string; data: string }[];
}

/**
 * `telegram-test-api` (a Bot API emulator) on a free port: `apiRoot` is what TELEGRAM_API_ROOT gets.
 * It knows only sendMessage, editMessageText, editMessageReplyMarkup, answerCallbackQuery,
 * deleteMessage, getMe, getUpdates and the webhook methods; other calls (setMyCommands) fail there.
 */
export async function startEmulator(): Promise<{ server: TelegramServer; apiRoot: string; stop(): Promise<void> }> {
  const port = await freePort();
  // Keep messages for the whole test: the emulator forgets them after storeTimeout seconds.
  const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 3600 });
  await server.start();
  return { server, apiRoot: server.config.apiURL, stop: async () => void (await server.stop()) };
}

/**
 * A person in a private chat with the bot through the emulator's client API: sends commands, text and
 * button presses, and waits for what the bot says back (the bot answers asynchronously, by long polling).
 */
export class EmulatedUser {
  private readonly client;

  constructor(
    private readonly server: TelegramServer,
    token: string,
    readonly id: number,
    name: string,
  ) {
    this.client = server.getClient(token, { userId: id, chatId: id, firstName: name, userName: name.toLowerCase().replace(/\W/g, ''), timeout: 10_000 });
  }

  /** The bot's messages in this chat, oldest first, as they read now. */
  messages(): EmulatedMessage[] {
    return this.server.storage.botMessages
      .filter((stored) => String(stored.message.chat_id) === String(this.id))
      .map((stored) => {
        const markup = stored.message.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
        return {
          messageId: stored.messageId,
          text: String(stored.message.text ?? ''),
          buttons: (markup?.inline_keyboard ?? []).flat().map((b) => ({ text: b.text, data: b.callback_data ?? '' })),
        };
      });
  }

  async send(text: string): Promise<void> {
    if (text.startsWith('/')) await this.client.sendCommand(this.client.makeCommand(text));
    else await this.client.sendMessage(this.client.makeMessage(text));
  }

  /** Presses the button labelled `label` (contains) on the newest message that has one, or on `message`. */
  async press(label: string, message?: EmulatedMessage): Promise<void> {
    const candidates = message ? [message] : this.messages().reverse();
    for (const m of candidates) {
      const button = m.buttons.find((b) => b.text.includes(label));
      if (button) {
        await this.client.sendCallback(this.client.makeCallbackQuery(button.data, { message: { message_id: m.messageId } }));
        return;
      }
    }
    throw new Error(`No button "${label}" in chat ${this.id}: ${JSON.stringify(this.messages().slice(-3))}`);
  }

  /** Waits until a bot message in this chat satisfies `check` (new or edited), and returns it. */
  async waitFor(check: (m: EmulatedMessage) => boolean, what: string, timeoutMs = 10_000): Promise<EmulatedMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages().reverse().find(check);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`Chat ${this.id}: timed out waiting for ${what}. Last messages: ${JSON.stringify(this.messages().slice(-3).map((m) => m.text))}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Sends `text` and waits for a new bot message containing `expected`. */
  async say(text: string, expected: string | RegExp): Promise<EmulatedMessage> {
    const before = new Set(this.messages().map((m) => m.messageId));
    await this.send(text);
    return this.waitForNew(before, expected, `a reply to "${text}" containing ${String(expected)}`);
  }

  /** Presses a button and waits for a new or edited message containing `expected`. */
  async tap(label: string, expected: string | RegExp, message?: EmulatedMessage): Promise<EmulatedMessage> {
    const before = new Map(this.messages().map((m) => [m.messageId, m.text + JSON.stringify(m.buttons)]));
    await this.press(label, message);
    const changed = (m: EmulatedMessage) => before.get(m.messageId) !== m.text + JSON.stringify(m.buttons);
    return this.waitFor((m) => changed(m) && matches(m.text, expected), `the answer to "${label}" containing ${String(expected)}`);
  }

  private waitForNew(before: Set<number>, expected: string | RegExp, what: string): Promise<EmulatedMessage> {
    return this.waitFor((m) => !before.has(m.messageId) && matches(m.text, expected), what);
  }
}

function matches(text: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
}
