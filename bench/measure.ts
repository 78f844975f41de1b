import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Timing and memory helpers for the bench sections. */

/** The `p`-th percentile (0–100) of `samples`, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Milliseconds each call of `fn` took, one per item, after `warmup` untimed calls on the first items. */
export function timeEach<T>(items: readonly T[], fn: (item: T) => unknown, warmup = 20): number[] {
  for (const item of items.slice(0, warmup)) fn(item);
  return items.map((item) => {
    const start = performance.now();
    fn(item);
    return performance.now() - start;
  });
}

/** What `fn` returned and how many milliseconds it took. */
export function timeOnce<R>(fn: () => R): { result: R; ms: number } {
  const start = performance.now();
  const result = fn();
  return { result, ms: performance.now() - start };
}

/**
 * Heap plus off-heap bytes (typed-array backing stores count as off-heap) in use after a full garbage
 * collection, so a difference of two readings is what a structure keeps alive.
 */
export function retainedBytes(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(3)} ms`;
}

export function formatBytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "38× faster" when `value` beats (is below) `reference`, "2.1× slower" otherwise; other words for sizes. */
export function compare(value: number, reference: number, words: [better: string, worse: string] = ['faster', 'slower']): string {
  if (value <= 0 || reference <= 0) return '—';
  const ratio = reference / value;
  return ratio >= 1 ? `${ratio.toFixed(ratio >= 10 ? 0 : 1)}× ${words[0]}` : `${(1 / ratio).toFixed(1)}× ${words[1]}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
