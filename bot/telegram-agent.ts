import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/** The longest a connection to the Bot API stays idle for reuse, when the server announces no shorter limit. */
export const IDLE_CONNECTION_MS = 30_000;

/**
 * The keep-alive agent for calls to the Bot API at `apiRoot` (Telegram's own, over https, when not given),
 * closing idle connections before the server does.
 *
 * grammY's default agent keeps them forever, and on Node 20 an agent without a `timeout` ignores the server's
 * `Keep-Alive: timeout=N`: a call sent just as the server closes the idle connection fails with ECONNRESET.
 * For a notification that is an outcome the outbox cannot tell from a sent message, so it is never resent:
 * the message is lost. With a timeout, Node closes an idle connection a second before the announced limit,
 * or after `IDLE_CONNECTION_MS` when none is announced.
 */
export function telegramAgent(apiRoot: string | undefined): HttpAgent {
  const options = { keepAlive: true, timeout: IDLE_CONNECTION_MS };
  return apiRoot?.startsWith('http:') ? new HttpAgent(options) : new HttpsAgent(options);
}
