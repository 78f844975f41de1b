import { createServer, get, type Agent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { telegramAgent } from '../../bot/telegram-agent.js';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/**
 * Answers one request on a keep-alive connection the server would drop after `keepAliveMs` idle, and tells
 * who ended it: `client` when the client's FIN arrived first, `server` when the server's own timer closed it.
 */
async function whoClosesTheIdleConnection(agent: Agent, keepAliveMs: number): Promise<'client' | 'server'> {
  const server = createServer((_req, res) => res.end('{"ok":true,"result":true}'));
  server.keepAliveTimeout = keepAliveMs;
  servers.push(server);
  const closed = new Promise<'client' | 'server'>((resolve) => {
    server.on('connection', (socket) => {
      let ended = false;
      socket.on('end', () => (ended = true));
      socket.on('close', () => resolve(ended ? 'client' : 'server'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/bot123/getMe', agent }, (res) => res.resume().on('end', resolve)).on('error', reject);
  });
  return closed;
}

describe('telegramAgent', () => {
  it('closes an idle connection before the server’s announced keep-alive limit, so no call races the server’s close', async () => {
    expect(await whoClosesTheIdleConnection(telegramAgent('http://127.0.0.1'), 2_000)).toBe('client');
  });

  it('is an https agent for Telegram’s own API root', () => {
    expect(telegramAgent(undefined)).toBeInstanceOf(HttpsAgent);
    expect(telegramAgent('https://bot-api.example')).toBeInstanceOf(HttpsAgent);
    expect(telegramAgent('http://127.0.0.1:8081')).not.toBeInstanceOf(HttpsAgent);
  });
});
