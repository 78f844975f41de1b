import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Several real Tenderlab processes (`node --import tsx server/main.ts`) on one database, for the
 * multi-instance tests: each on a free port of 127.0.0.1 with a data directory of its own (its search cache).
 * Unlike child-server.ts, which ends its children after every test, these live until `stop()`, so one
 * cluster serves a whole test file.
 */

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNNING = /Tenderlab is running at http:\/\/localhost:(\d+)/;

/** One answer: status and parsed JSON body (the raw text when it is not JSON). */
export interface Reply {
  status: number;
  body: any;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** The client address the request claims through X-Forwarded-For (the instances trust one proxy hop). */
  from?: string;
  headers?: Record<string, string>;
}

export interface Instance {
  readonly pid: number;
  readonly baseUrl: string;
  /** Everything it printed so far. */
  output(): string;
  /** Settles once the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
}

export interface ServerCluster {
  readonly instances: readonly Instance[];
  /** Send `signal` to one instance and wait for its exit. */
  kill(instance: Instance, signal: NodeJS.Signals): Promise<void>;
  /** SIGKILL whatever still runs and delete the data directories; safe to call twice. */
  stop(): Promise<void>;
}

let addressCounter = 0;

/** A client address no other request of this run used, so the auth limit of one never touches another's. */
export function freshAddress(): string {
  addressCounter++;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

async function callJson(baseUrl: string, method: string, path: string, { token, body, from = freshAddress(), headers = {} }: CallOptions = {}): Promise<Reply> {
  const all: Record<string, string> = { 'x-forwarded-for': from, ...headers };
  if (token) all.authorization = `Bearer ${token}`;
  if (body !== undefined) all['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  try {
    return { status: response.status, body: text ? JSON.parse(text) : null };
  } catch {
    return { status: response.status, body: text };
  }
}

/**
 * Start `envs.length` instances at once on `databaseUrl` (migrations run under an advisory lock, so the
 * concurrent starts are part of what is tested), instance i with `envs[i]` added to its environment.
 * Resolves once every one prints its URL; rejects (having stopped them all) if one exits or takes longer
 * than `timeoutMs`.
 */
export async function startServerCluster(databaseUrl: string, envs: readonly Record<string, string>[], { timeoutMs = 120_000 } = {}): Promise<ServerCluster> {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  const stop = async () => {
    process.off('exit', killNow);
    killNow();
    await Promise.all(children.map((child) => (child.exitCode !== null || child.signalCode !== null ? null : new Promise((resolve) => child.once('exit', resolve)))));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  };
  // A test worker that dies without its afterAll must leave no server behind.
  function killNow() {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  process.once('exit', killNow);

  const startOne = async (extra: Record<string, string>): Promise<Instance> => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tenderlab-cluster-'));
    dirs.push(dataDir);
    // Nothing from the caller's environment turns on a bot or picks a limit: only `extra` does.
    const env: Record<string, string | undefined> = { ...process.env };
    for (const name of Object.keys(env)) if (name.startsWith('TELEGRAM_') || name === 'AUTH_RATE_LIMIT') delete env[name];
    Object.assign(env, { NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: databaseUrl, TRUST_PROXY: '1' }, extra);
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`An instance did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const check = () => {
        const match = RUNNING.exec(output);
        if (!match) return;
        clearTimeout(timer);
        resolve(Number(match[1]));
      };
      child.stdout!.on('data', check);
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`An instance exited (${code ?? signal}) before it started:\n${output}`));
      });
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    return { pid: child.pid!, baseUrl, output: () => output, exited, call: (method, path, options) => callJson(baseUrl, method, path, options) };
  };

  try {
    const instances = await Promise.all(envs.map(startOne));
    return {
      instances,
      async kill(instance, signal) {
        const child = children.find((c) => c.pid === instance.pid);
        if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
        await instance.exited;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
