import { nodeStoreFs, type StoreFileHandle, type StoreFs } from '../../../server/store/store-fs.js';

export type FsOp = 'open' | 'write' | 'writeFile' | 'sync' | 'datasync' | 'truncate' | 'rename' | 'unlink' | 'mkdir' | 'chmod';

/**
 * What a rule decides for one call: an error to fail it with (ENOSPC on a `write` first takes half of its
 * bytes, as a disk that fills up mid-record does), a promise to hold it until it settles, or nothing.
 */
export type FsRule = (op: FsOp, path: string) => Error | Promise<void> | undefined;

/** The real file system behind a seam whose `rule` can fail or hold any write-side call. */
export interface FaultyFs extends StoreFs {
  rule: FsRule | null;
  /** Every write-side call so far. */
  readonly calls: { op: FsOp; path: string }[];
}

/** An `Error` with a file-system `code`, as Node raises them. */
export function fsError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected fault`), { code });
}

export function faultyFs(base: StoreFs = nodeStoreFs): FaultyFs {
  const fs: FaultyFs = {
    rule: null,
    calls: [],
    async open(path, flags, mode) {
      await check('open', path);
      return wrap(await base.open(path, flags, mode), path);
    },
    readFile: (path) => base.readFile(path),
    readdir: (path) => base.readdir(path),
    stat: (path) => base.stat(path),
    async mkdir(path, mode) {
      await check('mkdir', path);
      await base.mkdir(path, mode);
    },
    async rename(from, to) {
      await check('rename', to);
      await base.rename(from, to);
    },
    async unlink(path) {
      await check('unlink', path);
      await base.unlink(path);
    },
    async chmod(path, mode) {
      await check('chmod', path);
      await base.chmod(path, mode);
    },
  };
  async function check(op: FsOp, path: string): Promise<void> {
    fs.calls.push({ op, path });
    const outcome = fs.rule?.(op, path);
    if (outcome instanceof Error) throw outcome;
    if (outcome) await outcome;
  }
  function wrap(handle: StoreFileHandle, path: string): StoreFileHandle {
    return {
      async write(buffer, offset, length, position) {
        fs.calls.push({ op: 'write', path });
        const outcome = fs.rule?.('write', path);
        // A disk filling up takes part of a write, then fails the rest; other faults fail the call outright.
        if (outcome instanceof Error && (outcome as NodeJS.ErrnoException).code === 'ENOSPC' && length >= 2) {
          return handle.write(buffer, offset, Math.floor(length / 2), position);
        }
        if (outcome instanceof Error) throw outcome;
        if (outcome) await outcome;
        return handle.write(buffer, offset, length, position);
      },
      writeFile: async (data, encoding) => {
        await check('writeFile', path);
        await handle.writeFile(data, encoding);
      },
      sync: async () => {
        await check('sync', path);
        await handle.sync();
      },
      datasync: async () => {
        await check('datasync', path);
        await handle.datasync();
      },
      truncate: async (length) => {
        await check('truncate', path);
        await handle.truncate(length);
      },
      close: () => handle.close(),
    };
  }
  return fs;
}

/** A promise and the function that settles it: holds a call until the test lets it go. */
export function gate(): { promise: Promise<void>; open(): void; fail(error: Error): void } {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}
