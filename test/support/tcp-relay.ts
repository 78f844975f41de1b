import { connect, createServer, type Socket } from 'node:net';

/** A TCP relay to a local port. */
export interface TcpRelay {
  readonly port: number;
  /** Rewrite a connection URL to go through the relay. */
  via(url: string): string;
  /** Drop every connection and refuse new ones, as a dead host would: the server ends its sessions. */
  cut(): Promise<void>;
  /** Accept connections again on the same port after a cut, as a network that comes back. */
  restore(): Promise<void>;
}

/** A relay to `127.0.0.1:<target>` that a test can cut (and restore), to kill an instance's connections or the database's link. */
export async function tcpRelay(target: number): Promise<TcpRelay> {
  const sockets = new Set<Socket>();
  const server = createServer((incoming) => {
    const outgoing = connect(target, '127.0.0.1');
    for (const [a, b] of [[incoming, outgoing], [outgoing, incoming]] as const) {
      sockets.add(a);
      a.on('error', () => b.destroy());
      a.on('close', () => {
        sockets.delete(a);
        b.destroy();
      });
      a.pipe(b);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    via: (url) => {
      const rewritten = new URL(url);
      rewritten.port = String(port);
      return rewritten.toString();
    },
    cut: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    restore: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
  };
}
