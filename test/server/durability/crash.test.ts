import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../../server/store/write-ahead-log.js';
import { spawnServer, type ChildServer } from '../../support/child-server.js';
import { tempDir } from '../../support/temp-dir.js';

/**
 * Durability across a real process boundary (PRODUCT.md §3): a server killed with SIGKILL in the middle
 * of a burst of writes loses none it acknowledged and leaves no file that does not parse (shards) or
 * verify (the write-ahead log, whose newest file may end in one record the kill cut short); the stale lock
 * of the dead process is taken over on restart; a second live process on the same DATA_DIR is refused.
 */

const DAY = 24 * 60 * 60_000;

/** Every `*.json` file under `dir`, recursively. */
async function jsonFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await jsonFiles(path)));
    else if (entry.name.endsWith('.json')) out.push(path);
  }
  return out;
}

/** The write-ahead log files in `dir`, oldest first. */
async function logFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => /^wal-\d+\.log$/.test(name)).sort().map((name) => join(dir, name));
}

/**
 * Parses every JSON file and verifies every log record; returns what does not parse or verify (should be
 * nothing), how many shard files there were and how many log records.
 */
async function unparseable(dir: string): Promise<{ files: number; records: number; bad: string[] }> {
  const files = await jsonFiles(dir);
  const bad: string[] = [];
  for (const file of files) {
    try {
      JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      bad.push(`${file}: ${(error as Error).message}`);
    }
  }
  const logs = await logFiles(dir);
  let records = 0;
  for (const [i, log] of logs.entries()) {
    try {
      const contents = parseLog(log, await readFile(log), i === logs.length - 1);
      for (const payload of contents.payloads) JSON.parse(payload);
      records += contents.payloads.length;
    } catch (error) {
      bad.push(`${log}: ${(error as Error).message}`);
    }
  }
  return { files: files.length, records, bad };
}

interface Account {
  id: string;
  token: string;
}

async function registerOn(server: ChildServer, name: string, roles: string[]): Promise<Account> {
  const res = await server.call('POST', '/api/auth/register', {
    body: { roles, displayName: name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.test`, password: 'correct horse battery' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.account.id, token: res.body.token };
}

/** Pages through a list endpoint and returns every item. */
async function listAll(server: ChildServer, path: string, token: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: any } = await server.call('GET', `${path}${path.includes('?') ? '&' : '?'}limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

type Write =
  | { kind: 'bid'; researcher: number; challengeId: string; summary: string }
  | { kind: 'save'; researcher: number; challengeId: string }
  | { kind: 'paper'; researcher: number; url: string };

describe('crash safety of the lowdb store, across a real process', () => {
  it('SIGKILL mid-burst: every acknowledged write survives, every file parses, the stale lock is taken over', async () => {
    const dataDir = await tempDir('tenderlab-crash-');
    const first = await spawnServer(dataDir);
    expect(first.port).toBeGreaterThan(0);

    const owner = await registerOn(first, 'Crash Owner', ['enterprise']);
    const researchers = await Promise.all([0, 1, 2, 3].map((i) => registerOn(first, `Crash Researcher ${i}`, ['researcher'])));
    const challengeIds: string[] = [];
    for (let i = 0; i < 10; i++) {
      const created = await first.call('POST', '/api/challenges', {
        token: owner.token,
        body: {
          title: `Crash challenge ${i}`,
          summary: 'A challenge created before the burst of writes.',
          fields: ['energy'],
          reward: { amount: 1000 + i, currency: 'CNY' },
          deadline: new Date(Date.now() + 30 * DAY).toISOString(),
        },
      });
      expect(created.status).toBe(201);
      expect((await first.call('POST', `/api/challenges/${created.body.id}/publish`, { token: owner.token })).status).toBe(200);
      challengeIds.push(created.body.id);
    }

    // The burst: one bid and one save per researcher and challenge, and papers, interleaved.
    const writes: Write[] = [];
    researchers.forEach((_, r) => {
      challengeIds.forEach((challengeId, c) => {
        writes.push({ kind: 'bid', researcher: r, challengeId, summary: `Burst bid of researcher ${r} on challenge ${c}` });
        writes.push({ kind: 'save', researcher: r, challengeId });
      });
      for (let p = 0; p < 40; p++) writes.push({ kind: 'paper', researcher: r, url: `https://example.org/papers/${r}/${p}` });
    });
    // Interleave the kinds: a fixed-seed Fisher–Yates shuffle.
    let seed = 42;
    for (let i = writes.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [writes[i], writes[j]] = [writes[j]!, writes[i]!];
    }
    expect(writes.length).toBe(240);

    const acknowledged: Array<{ write: Write; body: any }> = [];
    const refused: string[] = [];
    let failedConnections = 0;
    let killed: Promise<unknown> | null = null;
    const killAt = Math.floor(writes.length * 0.4);
    const perform = async (write: Write) => {
      const token = researchers[write.researcher]!.token;
      try {
        const res =
          write.kind === 'bid'
            ? await first.call('POST', `/api/challenges/${write.challengeId}/bids`, {
                token,
                body: { summary: write.summary, approach: 'An approach long enough to be valid.', price: { amount: 500, currency: 'CNY' }, durationWeeks: 4 },
              })
            : write.kind === 'save'
              ? await first.call('PUT', `/api/me/saved/${write.challengeId}`, { token })
              : await first.call('POST', '/api/me/papers', { token, body: { url: write.url, title: `Paper at ${write.url}` } });
        if (res.status >= 200 && res.status < 300) {
          acknowledged.push({ write, body: res.body });
          if (acknowledged.length === killAt) killed = first.kill('SIGKILL');
        } else {
          refused.push(`${write.kind}: ${res.status} ${JSON.stringify(res.body)}`);
        }
      } catch {
        failedConnections++;
      }
    };
    // 24 clients at a time, each taking the next write as soon as its last one is answered.
    let next = 0;
    await Promise.all(
      Array.from({ length: 24 }, async () => {
        while (next < writes.length) await perform(writes[next++]!);
      }),
    );
    expect(refused).toEqual([]);
    expect(killed, 'the kill happened during the burst').not.toBeNull();
    const exit = await first.exited;
    expect(exit.signal).toBe('SIGKILL');
    // Killed in the middle: some writes were answered, some never were.
    expect(acknowledged.length).toBeGreaterThanOrEqual(killAt);
    expect(failedConnections).toBeGreaterThan(0);

    // Straight after the crash: no shard that does not parse, no log record that does not verify; the
    // acknowledged writes are in the log (or already checkpointed); the dead process's lock is still there.
    const afterCrash = await unparseable(dataDir);
    expect(afterCrash.bad).toEqual([]);
    expect(afterCrash.records + afterCrash.files).toBeGreaterThan(0);
    expect(JSON.parse(await readFile(join(dataDir, 'tenderlab.lock'), 'utf8')).pid).toBe(first.pid);

    // A new process takes over the stale lock.
    const second = await spawnServer(dataDir);
    expect(second.port, second.output().stderr).toBeGreaterThan(0);
    expect(JSON.parse(await readFile(join(dataDir, 'tenderlab.lock'), 'utf8')).pid).toBe(second.pid);

    // Every acknowledged write is there.
    for (const [r, researcher] of researchers.entries()) {
      const mine = acknowledged.filter((a) => a.write.researcher === r);
      const papers = new Set((await listAll(second, '/api/me/papers', researcher.token)).map((p) => p.id));
      const saved = new Set((await listAll(second, '/api/me/saved', researcher.token)).map((s) => s.challenge.id));
      const bids = new Map((await listAll(second, '/api/me/bids', researcher.token)).map((b) => [b.id, b]));
      for (const { write, body } of mine) {
        if (write.kind === 'paper') expect(papers.has(body.id), `paper ${write.url}`).toBe(true);
        if (write.kind === 'save') expect(saved.has(write.challengeId), `save of ${write.challengeId}`).toBe(true);
        if (write.kind === 'bid') {
          expect(bids.get(body.id), `bid ${write.summary}`).toMatchObject({ summary: write.summary, receipt: body.receipt, status: 'submitted' });
        }
      }
    }

    // Multi-file transactions are all-or-nothing: each challenge's bid counter matches its bids, and the
    // owner holds exactly one bid-received notification per bid.
    const notified = new Set((await listAll(second, '/api/me/notifications', owner.token)).filter((n) => n.kind === 'bid-received').map((n) => n.bidId));
    let bidsSeen = 0;
    for (const id of challengeIds) {
      const bids = await listAll(second, `/api/challenges/${id}/bids`, owner.token);
      // The owner's view: while the challenge is open, only its owner sees the bid count.
      const challenge = await second.call('GET', `/api/challenges/${id}`, { token: owner.token });
      expect(challenge.body.counters.bids, `bid counter of ${id}`).toBe(bids.length);
      for (const bid of bids) expect(notified.has(bid.id), `notification of ${bid.id}`).toBe(true);
      bidsSeen += bids.length;
    }
    expect(notified.size).toBe(bidsSeen);

    // The restarted server writes, and files still all parse after its recovery.
    expect((await second.call('POST', '/api/me/papers', { token: researchers[0]!.token, body: { url: 'https://example.org/after', title: 'After the crash' } })).status).toBe(201);
    expect((await unparseable(dataDir)).bad).toEqual([]);

    // A graceful stop checkpoints every write into the shard files, leaves no log, and frees the directory.
    expect(await second.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    await expect(readFile(join(dataDir, 'tenderlab.lock'), 'utf8')).rejects.toThrow(/ENOENT/);
    expect(await logFiles(dataDir)).toEqual([]);
    const afterStop = await unparseable(dataDir);
    expect(afterStop.bad).toEqual([]);
    expect(afterStop.files).toBeGreaterThan(10);
  }, 60_000);

  it('a second process on the same DATA_DIR is refused, names the holder, and the first keeps working', async () => {
    const dataDir = await tempDir('tenderlab-lock-');
    const first = await spawnServer(dataDir);
    expect(first.port).toBeGreaterThan(0);
    const account = await registerOn(first, 'Lock Holder', ['researcher']);

    const second = await spawnServer(dataDir);
    const exit = await second.exited;
    expect(second.port).toBe(0);
    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull();
    const { stdout, stderr } = second.output();
    expect(`${stdout}\n${stderr}`).toContain(`process ${first.pid}`);
    expect(stderr).toMatch(/in use/);
    expect(stdout).not.toMatch(/Tenderlab is running/);

    // The holder is untouched: its lock, its reads, its writes.
    expect(JSON.parse(await readFile(join(dataDir, 'tenderlab.lock'), 'utf8')).pid).toBe(first.pid);
    expect((await first.call('GET', '/healthz')).status).toBe(200);
    expect((await first.call('GET', '/api/me', { token: account.token })).body.id).toBe(account.id);
    expect((await first.call('POST', '/api/me/papers', { token: account.token, body: { url: 'https://example.org/p', title: 'Still mine' } })).status).toBe(201);
    expect((await first.kill('SIGTERM')).code).toBe(0);
  }, 60_000);
});
