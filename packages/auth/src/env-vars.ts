/** The environment as this package reads it: `process.env` in production, a plain object in tests. */
export type EnvVars = Readonly<Record<string, string | undefined>>;

/** A variable's value, or undefined when unset or blank (a blank value means "not configured" everywhere here). */
export function envValue(env: EnvVars, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}
