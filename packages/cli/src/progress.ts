import type { TextWriter } from "./text-writer.ts";

export interface ProgressOptions {
  write: TextWriter;
  /** Draw a live spinner line; `runCommand` sets it only on a TTY and never when CI=true. */
  live?: boolean;
  /** Milliseconds since some origin; injectable so tests need no timing. */
  now?: () => number;
}

/**
 * Per-item progress on stderr, one line per finished item: `create rg-dev => created (0.8s)`. On a terminal a
 * spinner line shows what is still running; finished lines are printed above it so the log stays readable.
 */
export interface Progress {
  /** Runs `work` for one item and reports it; the result text is what `work` returns (default `ok`). */
  item<T>(action: string, name: string, work: () => Promise<T>, describe?: (value: T) => string): Promise<T>;
  /** Reports an item timed elsewhere. */
  report(action: string, name: string, result: string, durationMs: number): void;
  /** Stops the spinner; call once the work is over (runCommand does). */
  stop(): void;
}

const frames = ["-", "\\", "|", "/"];

export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now());
  const running = new Map<number, string>();
  let nextId = 0;
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  let drawn = false;

  const clearLive = (): void => {
    if (drawn) options.write.write("\r\x1b[2K");
    drawn = false;
  };
  const drawLive = (): void => {
    if (!options.live || running.size === 0) return;
    const names = [...running.values()];
    const more = names.length > 1 ? ` (+${names.length - 1} more)` : "";
    options.write.write(`\r\x1b[2K${frames[frame % frames.length]} ${names[0]}${more}`);
    drawn = true;
  };
  const ensureTimer = (): void => {
    if (!options.live || timer) return;
    // unref: a forgotten spinner must never keep the process alive.
    timer = setInterval(() => {
      frame += 1;
      drawLive();
    }, 100).unref();
  };
  const stopTimerIfIdle = (): void => {
    if (timer && running.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };

  const report = (action: string, name: string, result: string, durationMs: number): void => {
    clearLive();
    options.write.write(`${action} ${name} => ${result} (${formatDuration(durationMs)})\n`);
    drawLive();
  };

  return {
    async item(action, name, work, describe) {
      const id = nextId++;
      const started = now();
      running.set(id, `${action} ${name}`);
      ensureTimer();
      drawLive();
      try {
        const value = await work();
        running.delete(id);
        report(action, name, describe ? describe(value) : "ok", now() - started);
        return value;
      } catch (error) {
        running.delete(id);
        const reason = error instanceof Error ? error.message : String(error);
        report(action, name, `failed: ${reason}`, now() - started);
        throw error;
      } finally {
        stopTimerIfIdle();
      }
    },
    report,
    stop() {
      running.clear();
      stopTimerIfIdle();
      clearLive();
    },
  };
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}m${Math.round((ms % 60_000) / 1000)}s`;
}
