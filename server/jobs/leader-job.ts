import type { Coordination } from './coordination.js';

export interface LeaderJobOptions {
  coordination: Coordination;
  /** The leadership the job runs under; one instance of the cluster leads it. */
  name: string;
  /** Runs once on becoming leader, then this long after each run ends, for as long as this instance leads. */
  intervalMs: number;
  /** The work; a rejection is logged and the next run comes as usual. */
  run: () => Promise<unknown>;
  /** One line per failure; console.error by default. */
  log?: (line: string) => void;
}

export interface LeaderJob {
  /** True while this instance leads the job. */
  isLeader(): boolean;
  /** No run begins after this; resolves once a run in progress ended and leadership is given up. */
  stop(): Promise<void>;
}

/**
 * A periodic job that runs on one instance of a cluster at a time: the leader of `name`. Another instance
 * takes it over when the leader stops or dies. Leadership can overlap for a moment (a leader that lost its
 * database connection learns it a poll later), so the work must be safe to run twice at once — as the
 * upkeep's is, its writes being check-then-write transactions.
 */
export function startLeaderJob({ coordination, name, intervalMs, run, log = console.error }: LeaderJobOptions): LeaderJob {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let leading = false;
  let stopped = false;

  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  function runNow(): void {
    timer = null;
    if (stopped || !leading || running) return;
    running = (async () => {
      try {
        await run();
      } catch (error) {
        log(`[${name}] failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      running = null;
      if (stopped || !leading) return;
      timer = setTimeout(runNow, intervalMs);
      timer.unref();
    })();
  }

  const leadership = coordination.leader(name, (now) => {
    leading = now;
    if (now) runNow();
    else cancel();
  });

  return {
    isLeader: () => leadership.isLeader(),
    async stop() {
      stopped = true;
      cancel();
      await running;
      await leadership.resign();
    },
  };
}
