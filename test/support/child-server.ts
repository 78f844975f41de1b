import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

/**
 * The real Tenderlab process (`node --import tsx server/main.ts`) as a child, for tests that need a
 * process boundary: SIGKILL in the middle of writes, two processes on one data directory. The child
 * listens on a free port on 127.0.0.1 (PORT=0) and runs without the Telegram bot.
 */

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNNING = /Tenderlab is running at http:\/\/localhost:(\d+)/;

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildServer {
  readonly pid: number;
  /** The port it listens on; 0 when it never came up. */
  readonly port: number;
  readonly baseUrl: string;
  /** Everything it printed so far. */
  output(): { stdout: string; stderr: string };
  /** Settles when the process has exited (and was reaped). */
  readonly exited: Promise<ChildExit>;
  /** Sends a signal and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<ChildExit>;
  /** JSON over HTTP: `{ status, body }`; throws when the connection fails (as it does once killed). */
  call(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<{ status: number; body: any }>;
}

const children = new Set<ChildProcess>();

/** Spawn the server on `dataDir`. Resolves once it prints its URL, or once it exits (port 0) — whichever is first. */
export async function spawnServer(dataDir: string, options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<ChildServer> {
  const env: Record<string, string | undefined> = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'test', ...options.env };
  delete env.TELEGRAM_BOT_TOKEN;
  delete env.TELEGRAM_WEBHOOK_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start within ${options.timeoutMs ?? 30_000} ms.\nstdout: ${stdout}\nstderr: ${stderr}`)), options.timeoutMs ?? 30_000);
    const check = () => {
      const match = RUNNING.exec(stdout);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      resolve(0);
    });
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    pid: child.pid!,
    port,
    baseUrl,
    output: () => ({ stdout, stderr }),
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    async call(method, path, { token, body } = {}) {
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON */
      }
      return { status: response.status, body: parsed };
    },
  };
}

// No child outlives its test.
afterEach(async () => {
  const left = [...children];
  for (const child of left) child.kill('SIGKILL');
  await Promise.all(left.map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)))));
});
