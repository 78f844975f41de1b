import * as fsp from 'node:fs/promises';

/** Data files are the owner's alone: sealed bids, emails and password hashes live in them. */
export const FILE_MODE = 0o600;
/** Folders of the data directory: only the owner may list or enter them. */
export const DIR_MODE = 0o700;

/** The part of an open file the store uses; `node:fs/promises`' `FileHandle` is one. */
export interface StoreFileHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  writeFile(data: string, encoding: 'utf8'): Promise<void>;
  /** fsync: data and metadata. */
  sync(): Promise<void>;
  /** fdatasync: data and what is needed to read it back (the size), not timestamps. */
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The file operations the store performs, as a seam: production passes `nodeStoreFs`; tests wrap it to
 * inject the faults a real disk gives (ENOSPC, EROFS, EIO) at exactly the call they mean.
 */
export interface StoreFs {
  open(path: string, flags: string, mode?: number): Promise<StoreFileHandle>;
  readFile(path: string): Promise<Buffer>;
  readdir(path: string): Promise<string[]>;
  mkdir(path: string, mode: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  chmod(path: string, mode: number): Promise<void>;
  stat(path: string): Promise<{ mode: number; size: number; isDirectory(): boolean }>;
}

/** The real file system. */
export const nodeStoreFs: StoreFs = {
  open: (path, flags, mode) => fsp.open(path, flags, mode),
  readFile: (path) => fsp.readFile(path),
  readdir: (path) => fsp.readdir(path),
  mkdir: async (path, mode) => void (await fsp.mkdir(path, { recursive: true, mode })),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  chmod: (path, mode) => fsp.chmod(path, mode),
  stat: (path) => fsp.stat(path),
};

/** The error code of a failed file operation (`ENOENT`, `ENOSPC` …), if it has one. */
export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/**
 * Give an existing file or folder `mode`. A data directory the process does not own (a mounted volume's
 * root) cannot be changed: say so rather than refuse to start, since its contents are still tightened.
 */
export async function tightenMode(fs: StoreFs, path: string, mode: number): Promise<void> {
  // A chmod writes the inode (its ctime) even when nothing changes; a start checks hundreds of files.
  if (((await fs.stat(path)).mode & 0o777) === mode) return;
  try {
    await fs.chmod(path, mode);
  } catch (error) {
    if (errorCode(error) !== 'EPERM') throw error;
    console.warn(`[store] cannot set ${path} to mode ${mode.toString(8)} (not its owner); make sure only this service can read it`);
  }
}
