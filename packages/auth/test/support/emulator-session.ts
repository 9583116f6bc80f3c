import type { Emulator } from "@infra/emulator";
import { connectionAttempts } from "./network-guard.ts";

/** Connections this process made that did not go to the emulator's two listeners. */
export function connectionsElsewhere(emulator: Emulator): string[] {
  const ports = new Set([new URL(emulator.url).port, new URL(emulator.httpUrl).port].map(Number));
  return connectionAttempts()
    .filter((attempt) => !ports.has(attempt.port) || !attempt.allowed)
    .map((attempt) => `${attempt.host}:${attempt.port}`);
}

/** An identity's environment as the emulator hands it out, without the variables given here as undefined. */
export function envFor(
  emulator: Emulator,
  principal: string,
  changes: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...emulator.env(principal), ...changes };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  return env;
}
