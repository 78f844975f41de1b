import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BOT_INFO } from './telegram-stand-in.js';

/** One Bot API call as the stand-in received it. */
export interface BotApiCall {
  /** Whose API root it came through (`apiRootFor(caller)`): tells the server processes apart. */
  caller: string;
  method: string;
  payload: Record<string, any>;
}

export interface BotApiServer {
  /** A TELEGRAM_API_ROOT for one process: its calls are recorded under `caller`. */
  apiRootFor(caller: string): string;
  /** Every call so far, in arrival order. */
  readonly calls: readonly BotApiCall[];
  /**
   * From now on, calls matching `filter` are recorded on arrival but answered only at `release()`: the
   * caller is left mid-call, as a process is in the middle of a send.
   */
  hold(filter: (call: BotApiCall) => boolean): void;
  /** Answer every held call and hold no more. */
  release(): void;
  /** The first call matching `filter`, made already or the next one; rejects after `timeoutMs`. */
  firstCall(filter: (call: BotApiCall) => boolean, timeoutMs: number): Promise<BotApiCall>;
  close(): Promise<void>;
}

async function readJson(request: IncomingMessage): Promise<Record<string, any>> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text ? JSON.parse(text) : {};
}

/**
 * A Bot API stand-in over real HTTP, for bots that run in other processes (the server instances of the
 * multi-instance test): `/<caller>/bot<token>/<method>` answers like Telegram (getMe, sendMessage, `true`
 * for the rest) and is recorded, so a test can count one process's messages to one chat.
 */
export async function startBotApiServer(): Promise<BotApiServer> {
  const calls: BotApiCall[] = [];
  const waiters = new Set<{ filter: (call: BotApiCall) => boolean; resolve: (call: BotApiCall) => void }>();
  let holdFilter: ((call: BotApiCall) => boolean) | null = null;
  let held: (() => void)[] = [];
  let nextMessageId = 1;

  const answer = (method: string, payload: Record<string, any>): unknown => {
    if (method === 'getMe') return BOT_INFO;
    if (method === 'sendMessage') {
      return { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(payload.chat_id), type: 'private', first_name: 'User' }, text: payload.text };
    }
    return true;
  };

  const server = createServer((request, response) => {
    void (async () => {
      const [, caller = '', , method = ''] = (request.url ?? '').split('/');
      const call: BotApiCall = { caller, method, payload: await readJson(request) };
      calls.push(call);
      for (const waiter of waiters) {
        if (!waiter.filter(call)) continue;
        waiters.delete(waiter);
        waiter.resolve(call);
      }
      const respond = () => {
        if (response.destroyed) return;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ ok: true, result: answer(method, call.payload) }));
      };
      if (holdFilter?.(call)) held.push(respond);
      else respond();
    })().catch((error: Error) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: false, error_code: 400, description: `Bad Request: ${error.message}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const release = () => {
    holdFilter = null;
    const waiting = held;
    held = [];
    for (const respond of waiting) respond();
  };

  return {
    apiRootFor: (caller) => `http://127.0.0.1:${port}/${caller}`,
    calls,
    hold(filter) {
      holdFilter = filter;
    },
    release,
    firstCall(filter, timeoutMs) {
      const made = calls.find(filter);
      if (made) return Promise.resolve(made);
      return new Promise((resolve, reject) => {
        const waiter = {
          filter,
          resolve: (call: BotApiCall) => {
            clearTimeout(timer);
            resolve(call);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching Bot API call within ${timeoutMs} ms (${calls.length} calls so far)`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    async close() {
      release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
