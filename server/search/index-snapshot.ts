import { createHash } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { analyzeChallenge } from './challenge-text.js';
import type { ChallengeIndexState } from './challenge-index.js';

/**
 * The challenge index's analysed state on disk, so a start does not analyse every challenge again (that
 * was about half of start-up at 10,000 challenges). It is only a cache: a missing, stale or damaged file
 * costs a re-analysis, never a wrong answer.
 *
 * Layout: `TLIX`, a 4-byte header length, the header (JSON: format, analyzer, slots, keys, posting counts),
 * then the lengths, every posting's slot and every posting's packed frequencies as little-endian 32-bit
 * integers, and last a SHA-256 of everything before it.
 */

const MAGIC = 'TLIX';
const FORMAT = 1;
const DIGEST_BYTES = 32;

/** Bump when the index's packing changes in a way the analyzer fingerprint cannot see. */
const INDEX_LAYOUT = 1;

/**
 * What the saved analysis depends on: the index layout and the analyzer's output on a probe text in both
 * languages, so a change to shared/text.ts (stemming, segmentation, stop words) invalidates saved files.
 */
export function analyzerFingerprint(): string {
  const probe = {
    title: 'Solid-state batteries 固态电池 for EVs',
    keywords: ['perovskite', '钙钛矿', 'Li-ion'],
    summary: 'Reducing corrosion in the cathodes; 降低正极腐蚀, 提高循环寿命.',
    description: 'The running, ran and runs of 3D-printed parts (ISO 9001), 2025年 and beyond.',
  };
  return `${INDEX_LAYOUT}:${createHash('sha256').update(JSON.stringify(analyzeChallenge(probe))).digest('base64url')}`;
}

interface Header {
  format: number;
  analyzer: string;
  slots: ChallengeIndexState['slots'];
  keys: string[];
  counts: number[];
}

/** The bytes of `state`, saved under `analyzer`. */
export function encodeIndexSnapshot(state: ChallengeIndexState, analyzer: string): Buffer {
  const header: Header = {
    format: FORMAT,
    analyzer,
    slots: state.slots,
    keys: state.postings.map((p) => p.key),
    counts: state.postings.map((p) => p.slots.length),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const total = state.postings.reduce((n, p) => n + p.slots.length, 0);
  const numbers = new Int32Array(state.lengths.length + 2 * total);
  numbers.set(state.lengths, 0);
  let at = state.lengths.length;
  for (const p of state.postings) {
    numbers.set(p.slots, at);
    at += p.slots.length;
  }
  for (const p of state.postings) {
    new Uint32Array(numbers.buffer, at * 4, p.packedTfs.length).set(p.packedTfs);
    at += p.packedTfs.length;
  }
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headerBytes.length, 4);
  // Pad the header so the integers start 4-byte aligned in the file.
  const padding = Buffer.alloc((4 - ((8 + headerBytes.length) % 4)) % 4, 0x20);
  const body = Buffer.concat([prefix, headerBytes, padding, Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength)]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

/** The state in `bytes`, or an error saying why it cannot be used (damaged, another format or analyzer). */
export function decodeIndexSnapshot(bytes: Buffer, analyzer: string): ChallengeIndexState {
  if (bytes.length < 8 + DIGEST_BYTES || bytes.toString('latin1', 0, 4) !== MAGIC) throw new Error('not an index snapshot');
  const body = bytes.subarray(0, bytes.length - DIGEST_BYTES);
  if (!createHash('sha256').update(body).digest().equals(bytes.subarray(bytes.length - DIGEST_BYTES))) throw new Error('checksum mismatch');
  const headerLength = bytes.readUInt32LE(4);
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as Header;
  if (header.format !== FORMAT) throw new Error(`format ${header.format}, expected ${FORMAT}`);
  if (header.analyzer !== analyzer) throw new Error('made by another analyzer version');
  const start = 8 + headerLength + ((4 - ((8 + headerLength) % 4)) % 4);
  // A copy, aligned, that the typed arrays below can view.
  const numbers = new Int32Array(body.length - start >> 2);
  new Uint8Array(numbers.buffer).set(body.subarray(start, start + numbers.byteLength));
  const lengthCount = header.slots.length * 4;
  const total = header.counts.reduce((n, c) => n + c, 0);
  if (numbers.length !== lengthCount + 2 * total) throw new Error('sizes do not add up');
  const tfs = new Uint32Array(numbers.buffer);
  let slotAt = lengthCount;
  let tfAt = lengthCount + total;
  const postings = header.keys.map((key, i) => {
    const count = header.counts[i]!;
    const posting = { key, slots: numbers.subarray(slotAt, slotAt + count), packedTfs: tfs.subarray(tfAt, tfAt + count) };
    slotAt += count;
    tfAt += count;
    return posting;
  });
  return { slots: header.slots, lengths: numbers.subarray(0, lengthCount), postings };
}

/** The saved state at `path`; null when there is none or it cannot be used (said once on stderr: it is only a cache). */
export async function readIndexSnapshot(path: string, analyzer: string): Promise<ChallengeIndexState | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') console.error(`[search] ignoring ${path}: ${(error as Error).message}`);
    return null;
  }
  try {
    return decodeIndexSnapshot(bytes, analyzer);
  } catch (error) {
    console.error(`[search] ignoring ${path} (${(error as Error).message}); analysing every challenge instead`);
    return null;
  }
}

/**
 * Saves `state` at `path` atomically (a temporary file renamed over it), readable by the owner only: it
 * holds challenge ids and the words of drafts.
 */
export async function writeIndexSnapshot(path: string, state: ChallengeIndexState, analyzer: string): Promise<void> {
  // One process per data directory (the lock), so one fixed name: a crash leaves one file, overwritten next time.
  const temporary = `${path}.tmp`;
  const file = await open(temporary, 'w', 0o600);
  try {
    await file.writeFile(encodeIndexSnapshot(state, analyzer));
  } catch (error) {
    await file.close();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await file.close();
  await rename(temporary, path);
}
