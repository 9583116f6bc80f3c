import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EmulatorState, StateSnapshot } from "./emulator-state.ts";

/** Writes `file` atomically: a reader (or a crash) never sees half a file. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
}

/** `--state DIR`: loads `state.json` when present and rewrites it (debounced, atomically) after changes. */
export class StatePersistence {
  readonly #file: string;
  #timer: NodeJS.Timeout | undefined;

  private readonly state: EmulatorState;

  constructor(dir: string, state: EmulatorState) {
    this.state = state;
    mkdirSync(dir, { recursive: true });
    this.#file = join(dir, "state.json");
  }

  load(): boolean {
    if (!existsSync(this.#file)) return false;
    const snapshot = JSON.parse(readFileSync(this.#file, "utf8")) as StateSnapshot;
    this.state.apply(snapshot);
    return true;
  }

  watch(): void {
    this.state.onChange = () => {
      if (this.#timer) return;
      this.#timer = setTimeout(() => this.flush(), 100);
      this.#timer.unref();
    };
  }

  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    writeFileAtomic(this.#file, JSON.stringify(this.state.snapshot()));
  }
}
