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
 * What a wait looks for, always among the messages that are new or changed since the user's last action:
 * a message whose whole text is exactly this string; one whose first line is exactly `firstLine` (a card
 * under its header); or one `check` accepts (say what it is in `what`). Never a fragment of text, which an
 * earlier message may contain too (the /post intro mentions the preview).
 */
export type Expected = string | { firstLine: string } | { check: (m: EmulatedMessage) => boolean; what: string };

function matches(m: EmulatedMessage, expected: Expected): boolean {
  if (typeof expected === 'string') return m.text === expected;
  if ('firstLine' in expected) return m.text.split('\n', 1)[0] === expected.firstLine;
  return expected.check(m);
}

function describeExpected(expected: Expected): string {
  if (typeof expected === 'string') return JSON.stringify(expected);
  if ('firstLine' in expected) return `a message headed ${JSON.stringify(expected.firstLine)}`;
  return expected.what;
}

/** A message's text and buttons, to tell whether it changed. */
const signature = (m: EmulatedMessage) => m.text + JSON.stringify(m.buttons);

/**
 * A person in a private chat with the bot through the emulator's client API: sends commands, text and
 * button presses, and waits for what the bot says back (the bot answers asynchronously, by long polling).
 */
export class EmulatedUser {
  private readonly client;
  /** The chat as it read just before the last message or press: what the next waits look past. */
  private before = new Map<number, string>();

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

  private markBefore(): void {
    this.before = new Map(this.messages().map((m) => [m.messageId, signature(m)]));
  }

  async send(text: string): Promise<void> {
    this.markBefore();
    if (text.startsWith('/')) await this.client.sendCommand(this.client.makeCommand(text));
    else await this.client.sendMessage(this.client.makeMessage(text));
  }

  /** Presses the button labelled `label` (contains) on the newest message that has one, or on `message`. */
  async press(label: string, message?: EmulatedMessage): Promise<void> {
    const candidates = message ? [message] : this.messages().reverse();
    for (const m of candidates) {
      const button = m.buttons.find((b) => b.text.includes(label));
      if (button) {
        this.markBefore();
        await this.client.sendCallback(this.client.makeCallbackQuery(button.data, { message: { message_id: m.messageId } }));
        return;
      }
    }
    throw new Error(`No button "${label}" in chat ${this.id}: ${JSON.stringify(this.messages().slice(-3))}`);
  }

  /** Waits until a bot message new or changed since the last send or press is `expected`, and returns it. */
  async waitFor(expected: Expected, timeoutMs = 10_000): Promise<EmulatedMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages()
        .reverse()
        .find((m) => this.before.get(m.messageId) !== signature(m) && matches(m, expected));
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(`Chat ${this.id}: timed out waiting for ${describeExpected(expected)}. Last messages: ${JSON.stringify(this.messages().slice(-3).map((m) => m.text))}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Sends `text` and waits for the answer `expected`. */
  async say(text: string, expected: Expected): Promise<EmulatedMessage> {
    await this.send(text);
    return this.waitFor(expected);
  }

  /** Presses a button (see `press`) and waits for the answer `expected`, a new message or an edited one. */
  async tap(label: string, expected: Expected, message?: EmulatedMessage): Promise<EmulatedMessage> {
    await this.press(label, message);
    return this.waitFor(expected);
  }
}
