import { serve } from '@hono/node-server';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { testRuntime } from '../../support/runtime.js';

/** The test runtime's body limit (256 KB). */
const LIMIT = 256 * 1024;

const servers: ReturnType<typeof serve>[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => {
      const closing = new Promise((resolve) => s.close(resolve));
      // Connections a test left open (keep-alive) would hold the close.
      if ('closeAllConnections' in s) s.closeAllConnections();
      return closing;
    }),
  );
});

/** The real app behind @hono/node-server on a free port, as `npm start` serves it. */
async function listen(): Promise<number> {
  const runtime = await testRuntime();
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: runtime.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  servers.push(server);
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

interface RawAnswer {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/**
 * A client on a raw socket, so the test sees the bytes the server sends and when it closes. Reads answers
 * with a Content-Length body, one after another, and records the server's end of the connection.
 */
class RawClient {
  private buffer = Buffer.alloc(0);
  private waiting: (() => void) | null = null;
  /** Settles with how the server left: `end` (a clean close, FIN) or the socket error's code. */
  readonly closed: Promise<string>;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.waiting?.();
    });
    this.closed = new Promise((resolve) => {
      socket.once('end', () => resolve('end'));
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    void this.closed.then(() => this.waiting?.());
  }

  static open(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  write(data: string | Buffer): void {
    this.socket.write(data);
  }

  /** The next complete answer, or null when the server closed the connection without one. */
  async answer(): Promise<RawAnswer | null> {
    let ended = false;
    void this.closed.then(() => (ended = true));
    for (;;) {
      const parsed = this.parse();
      if (parsed) return parsed;
      if (ended) return null;
      await new Promise<void>((resolve) => (this.waiting = resolve));
      this.waiting = null;
    }
  }

  private parse(): RawAnswer | null {
    const headEnd = this.buffer.indexOf('\r\n\r\n');
    if (headEnd < 0) return null;
    const [statusLine, ...lines] = this.buffer.subarray(0, headEnd).toString('latin1').split('\r\n');
    const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
    const length = Number(headers.get('content-length') ?? 0);
    if (this.buffer.length < headEnd + 4 + length) return null;
    const body = this.buffer.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8');
    this.buffer = this.buffer.subarray(headEnd + 4 + length);
    return { status: Number(statusLine!.split(' ')[1]), headers, body };
  }

  destroy(): void {
    this.socket.destroy();
  }
}

function post(path: string, headers: Record<string, string | number>): string {
  const lines = Object.entries({ host: 'localhost', connection: 'keep-alive', 'content-type': 'application/json', ...headers }).map(([k, v]) => `${k}: ${v}`);
  return `POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

const GET_HEALTH = 'GET /healthz HTTP/1.1\r\nhost: localhost\r\nconnection: keep-alive\r\n\r\n';

describe('answers given before the request body was read', () => {
  it('a 413 says Connection: close and the server closes the connection cleanly; a new connection works', async () => {
    const port = await listen();
    const client = await RawClient.open(port);
    // Announce a body four times the limit and send only its start, as a client that stops uploading on an
    // early answer does.
    client.write(post('/api/auth/login', { 'content-length': LIMIT * 4 }));
    client.write(Buffer.alloc(1024, 'x'));

    const refused = await client.answer();
    expect(refused?.status).toBe(413);
    expect(JSON.parse(refused!.body).error.code).toBe('payload_too_large');
    expect(refused?.headers.get('connection')).toBe('close');
    // The server ends the connection itself (FIN, not a reset), having promised to.
    expect(await client.closed).toBe('end');

    const fresh = await RawClient.open(port);
    fresh.write(GET_HEALTH);
    expect((await fresh.answer())?.status).toBe(200);
    fresh.destroy();
  });

  it('a 413 for a streamed (chunked) body that passes the limit says Connection: close', async () => {
    const port = await listen();
    const client = await RawClient.open(port);
    client.write(post('/api/auth/login', { 'transfer-encoding': 'chunked' }));
    const chunk = Buffer.alloc(64 * 1024, 'x');
    for (let sent = 0; sent <= LIMIT; sent += chunk.length) client.write(Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]));

    const refused = await client.answer();
    expect(refused?.status).toBe(413);
    expect(refused?.headers.get('connection')).toBe('close');
    expect(await client.closed).toBe('end');
  });

  it('a refusal that never looks at the body (401 for a bad token) says Connection: close too', async () => {
    const port = await listen();
    const client = await RawClient.open(port);
    client.write(post('/api/challenges', { 'content-length': LIMIT / 2, authorization: 'Bearer not-a-token' }));
    client.write(Buffer.alloc(1024, 'x'));

    const refused = await client.answer();
    expect(refused?.status).toBe(401);
    expect(refused?.headers.get('connection')).toBe('close');
    expect(await client.closed).toBe('end');
  });

  it('an answer given after the whole body was read keeps the connection for the next request', async () => {
    const port = await listen();
    const client = await RawClient.open(port);
    const body = JSON.stringify({ email: 'nobody@example.com', password: 'not the password' });
    client.write(post('/api/auth/login', { 'content-length': Buffer.byteLength(body) }) + body);

    const refused = await client.answer();
    expect(refused?.status).toBe(401);
    expect(refused?.headers.get('connection')).toBe('keep-alive');
    client.write(GET_HEALTH);
    expect((await client.answer())?.status).toBe(200);
    client.destroy();
  });
});
