import { crc32 } from 'node:zlib';
import { FILE_MODE, type StoreFileHandle, type StoreFs } from './store-fs.js';

/**
 * The write-ahead log: an append-only file of framed records, one per group-committed batch of
 * transactions. A record is a 12-byte header (magic, payload length, CRC-32 of the payload, all
 * big-endian u32) and a UTF-8 JSON payload. A record counts only when it is complete and its checksum
 * verifies; appending it and one fdatasync is the moment its transactions become durable.
 */

const MAGIC = 0x544c5731; // "TLW1"
const HEADER_BYTES = 12;

/** Frame `payload` as one record. */
export function encodeRecord(payload: string): Buffer {
  const body = Buffer.from(payload, 'utf8');
  const record = Buffer.allocUnsafe(HEADER_BYTES + body.length);
  record.writeUInt32BE(MAGIC, 0);
  record.writeUInt32BE(body.length, 4);
  record.writeUInt32BE(crc32(body), 8);
  body.copy(record, HEADER_BYTES);
  return record;
}

/** A log that cannot be replayed: the message names the file, the record and its byte offset. */
export class DamagedLogError extends Error {
  constructor(
    readonly path: string,
    readonly offset: number,
    detail: string,
  ) {
    super(
      `${path} is damaged at byte ${offset} (${detail}). Refusing to start: replaying past it could lose or reorder ` +
        'acknowledged writes. Restore the file from a backup, or move it aside to start from the shard files alone.',
    );
    this.name = 'DamagedLogError';
  }
}

export interface LogContents {
  /** The payloads of the complete, verified records, in order. */
  payloads: string[];
  /** Bytes up to the end of the last good record. */
  goodBytes: number;
  /** Set when an incomplete last record (a write a crash interrupted, never acknowledged) was found there. */
  tornAt?: number;
}

/**
 * Split a log's bytes into records. Only the last record may be incomplete or fail its checksum, and only
 * when `tailMayBeTorn` (the newest log, the only one written to when a crash hit): an append is
 * acknowledged only after it is complete and synced, so such a tail was never acknowledged. A bad record
 * anywhere else is damage.
 */
export function parseLog(path: string, bytes: Buffer, tailMayBeTorn: boolean): LogContents {
  const payloads: string[] = [];
  let offset = 0;
  const torn = (detail: string): LogContents => {
    if (!tailMayBeTorn) throw new DamagedLogError(path, offset, `${detail} in a log that was complete when it was closed`);
    return { payloads, goodBytes: offset, tornAt: offset };
  };
  while (offset < bytes.length) {
    if (bytes.length - offset < HEADER_BYTES) return torn('an incomplete record header');
    const magic = bytes.readUInt32BE(offset);
    const length = bytes.readUInt32BE(offset + 4);
    const checksum = bytes.readUInt32BE(offset + 8);
    const end = offset + HEADER_BYTES + length;
    if (magic !== MAGIC) {
      // A file system may leave zeros where a write was under way at a power cut.
      if (end >= bytes.length || bytes.subarray(offset).every((b) => b === 0)) return torn('a record header that is not one');
      throw new DamagedLogError(path, offset, `record ${payloads.length + 1} has no valid header`);
    }
    if (end > bytes.length) return torn('a record cut short');
    const body = bytes.subarray(offset + HEADER_BYTES, end);
    if (crc32(body) !== checksum) {
      if (end === bytes.length) return torn('a last record whose checksum does not match');
      throw new DamagedLogError(path, offset, `record ${payloads.length + 1}'s checksum does not match`);
    }
    payloads.push(body.toString('utf8'));
    offset = end;
  }
  return { payloads, goodBytes: offset };
}

/**
 * The newest log file, open for appending. `append` writes a record at the end and fdatasyncs it; when that
 * fails, `undo` cuts the file back to where the record began, so a failed record is never replayed.
 */
export class LogWriter {
  private constructor(
    private readonly fs: StoreFs,
    readonly path: string,
    private handle: StoreFileHandle | null,
    private length: number,
  ) {}

  /** Whether the failed append may have left bytes after the complete records. */
  private tail = false;

  /** Create `path` (it must not exist), owner-only. */
  static async create(fs: StoreFs, path: string): Promise<LogWriter> {
    return new LogWriter(fs, path, await fs.open(path, 'wx', FILE_MODE), 0);
  }

  /** Bytes of complete records. */
  get size(): number {
    return this.length;
  }

  /** Append `record` and make it durable. Throws with the file left possibly holding part of it: call `undo`. */
  async append(record: Buffer): Promise<void> {
    const handle = this.handle ?? (this.handle = await this.fs.open(this.path, 'r+'));
    let written = 0;
    while (written < record.length) {
      // A write that fails writes nothing; one that wrote some bytes says so and is followed by another.
      const { bytesWritten } = await handle.write(record, written, record.length - written, this.length + written);
      written += bytesWritten;
      this.tail = true;
    }
    await handle.datasync();
    this.length += record.length;
    this.tail = false;
  }

  /**
   * Cut the file back to its complete records and make that durable, through a fresh handle (after a
   * failed fsync Linux may have dropped the dirty pages of the old one). Nothing to do when the failed
   * append wrote no byte. Throws if it cannot.
   */
  async undo(): Promise<void> {
    if (!this.tail) return;
    await this.closeHandle();
    const handle = await this.fs.open(this.path, 'r+');
    try {
      await handle.truncate(this.length);
      await handle.datasync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
    this.handle = handle;
    this.tail = false;
  }

  async close(): Promise<void> {
    await this.closeHandle();
  }

  private async closeHandle(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close().catch(() => undefined);
  }
}
