import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

/**
 * A throwaway PostgreSQL cluster for tests: Debian's server binaries, `initdb` in a temp dir, trust auth,
 * listening on 127.0.0.1 on a free port with its socket in that dir. As root (CI, these machines) the
 * server runs as the `postgres` user, because `initdb` refuses root; otherwise as the current user.
 */

const SUPERUSER = 'postgres';
/** Durability buys nothing in a cluster that is deleted after the run, and costs seconds per test file. */
const FAST_SETTINGS = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=200'];

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  /** A new empty database; returns its connection string. */
  createDatabase(): Promise<string>;
  /** Stops the server and deletes its directory; safe to call twice. */
  stop(): Promise<void>;
}

/** The newest `/usr/lib/postgresql/<version>/bin` (or `$PG_BIN`); throws with an install hint when absent. */
export function postgresBinDir(): string {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => join('/usr/lib/postgresql', version, 'bin'))
      : [];
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      'The PostgreSQL tests need the server binaries (initdb, pg_ctl) and found none under /usr/lib/postgresql/*/bin. ' +
        'Install them with `apt-get update && apt-get install -y postgresql`, or set PG_BIN to the directory holding initdb.',
    );
  }
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const isRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as the `postgres` user when we are root. */
function runPostgresTool(bin: string, args: string[]): Promise<void> {
  const [command, argv] = isRoot ? ['runuser', ['-u', SUPERUSER, '--', bin, ...args]] : [bin, args];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${bin} ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

/**
 * Start a fresh cluster. Prefer `usePostgres()` in a test file: it also stops it. `durable` keeps fsync and
 * full-page writes on, as a real server runs (the benchmark); tests turn them off.
 */
export async function startPostgres({ durable = false }: { durable?: boolean } = {}): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'tenderlab-pg-'));
  if (isRoot) chownSync(dir, Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8' }).trim()), 0);
  const data = join(dir, 'data');
  let running = false;
  const stopNow = () => {
    if (running) spawnSync(isRoot ? 'runuser' : join(bin, 'pg_ctl'), [...(isRoot ? ['-u', SUPERUSER, '--', join(bin, 'pg_ctl')] : []), '-D', data, '-m', 'immediate', '-w', 'stop'], { stdio: 'ignore' });
    running = false;
    rmSync(dir, { recursive: true, force: true });
  };
  // A worker that dies without running afterAll must not leave a server behind.
  process.once('exit', stopNow);
  try {
    await runPostgresTool(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', SUPERUSER, '--no-sync', '-E', 'UTF8']);
    const port = await freePort();
    const options = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', ...(durable ? ['max_connections=200'] : FAST_SETTINGS).map((s) => `-c ${s}`)].join(' ');
    running = true;
    await runPostgresTool(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', 'start']);
    const url = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`;
    let made = 0;
    return {
      url,
      async createDatabase() {
        const name = `test_${process.pid}_${++made}`;
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${name}`);
        } finally {
          await client.end();
        }
        return `postgres://${SUPERUSER}@127.0.0.1:${port}/${name}`;
      },
      async stop() {
        process.off('exit', stopNow);
        stopNow();
      },
    };
  } catch (error) {
    process.off('exit', stopNow);
    stopNow();
    throw error;
  }
}

/**
 * One cluster for the calling test file: started before its tests, stopped and deleted after them even when
 * they fail. Call it at the top of the file; the returned function gives the cluster inside tests.
 */
export function usePostgres(): () => PostgresCluster {
  let cluster: PostgresCluster | undefined;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  return () => {
    if (!cluster) throw new Error('usePostgres(): the cluster is not started yet (use it inside a test or hook)');
    return cluster;
  };
}
