import type { Browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { paperIdentity } from '../../shared/paper-identity.js';
import type { PaperInput, PaperRecord } from '../../shared/schemas/paper.js';
import { ApiError, isTransientFailure, type ApiClient } from './api.js';

/** A clip the server could not take yet, kept on the device until it can. */
export interface QueuedClip {
  id: string;
  paper: PaperInput;
  queuedAt: string;
  attempts: number;
  lastError: string | null;
}

/** The alarm that retries the queue while it holds anything. */
export const RETRY_CLIPS_ALARM = 'tenderlab-retry-clips';

/** Clips waiting for the server, oldest first (extension-private `storage.local`, survives restarts). */
export const clipQueueItem = storage.defineItem<QueuedClip[]>('local:clipQueue', { fallback: [] });

/** What one pass over the queue did. */
export interface FlushReport {
  saved: PaperRecord[];
  /** Clips the library already had (a 409): done, nothing to send. */
  duplicates: PaperRecord[];
  /** Clips the server refused for good (invalid, too many papers…): dropped, with the server's reason. */
  rejected: { clip: QueuedClip; message: string }[];
  remaining: number;
}

export interface ClipQueueDeps {
  api: Pick<ApiClient, 'addPaper'>;
  alarms: Pick<typeof Browser.alarms, 'create' | 'clear'>;
  now?: () => Date;
}

export type ClipQueue = ReturnType<typeof createClipQueue>;

/**
 * The offline queue: a clip that found the server unreachable is kept here and sent, in order, on the next
 * `flush()` — which the retry alarm runs every minute while the queue is not empty. Queue operations run one
 * at a time, so a clip made during a flush is neither lost nor sent twice.
 */
export function createClipQueue({ api, alarms, now = () => new Date() }: ClipQueueDeps) {
  let tail: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };

  const scheduleRetry = () => alarms.create(RETRY_CLIPS_ALARM, { delayInMinutes: 0.5, periodInMinutes: 1 });

  /** Keeps `paper` for later; the same paper queued twice is kept once. */
  const enqueue = (paper: PaperInput) =>
    oneAtATime(async () => {
      const queue = await clipQueueItem.getValue();
      const identity = paperIdentity(paper);
      const existing = queue.find((clip) => paperIdentity(clip.paper) === identity);
      if (existing) return existing;
      const clip: QueuedClip = { id: crypto.randomUUID(), paper, queuedAt: now().toISOString(), attempts: 0, lastError: null };
      await clipQueueItem.setValue([...queue, clip]);
      await scheduleRetry();
      return clip;
    });

  /**
   * Sends the queued clips in order. Stops at the first one that finds the server unreachable or the
   * extension signed out (the rest would fare no better) and keeps it and those after it for the next try.
   */
  const flush = () =>
    oneAtATime(async () => {
      const report: FlushReport = { saved: [], duplicates: [], rejected: [], remaining: 0 };
      const queue = await clipQueueItem.getValue();
      let index = 0;
      for (; index < queue.length; index++) {
        const clip = queue[index]!;
        try {
          report.saved.push(await api.addPaper(clip.paper));
        } catch (error) {
          const kept = keptPaper(error);
          if (kept) report.duplicates.push(kept);
          else if (mustWait(error)) {
            queue[index] = { ...clip, attempts: clip.attempts + 1, lastError: (error as Error).message };
            break;
          } else report.rejected.push({ clip, message: (error as Error).message });
        }
      }
      const remaining = queue.slice(index);
      await clipQueueItem.setValue(remaining);
      report.remaining = remaining.length;
      if (remaining.length === 0) await alarms.clear(RETRY_CLIPS_ALARM);
      else await scheduleRetry();
      return report;
    });

  return { enqueue, flush, pending: () => clipQueueItem.getValue() };
}

/** The paper a 409 says the library already keeps, or null for any other error. */
export function keptPaper(error: unknown): PaperRecord | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const paper = (error.details as { paper?: PaperRecord } | undefined)?.paper;
  return paper ?? null;
}

function mustWait(error: unknown): boolean {
  return isTransientFailure(error) || (error instanceof ApiError && error.status === 401) || !(error instanceof ApiError);
}
