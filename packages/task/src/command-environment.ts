// The --auth check alone: the root process does not load @azure/identity for it.
import { authMethodVariable, parseAuthMethod } from "@infra/auth/auth-method";
import type { CommonFlags } from "@infra/cli";

/**
 * The environment every process a root command starts gets, and the root command itself signs in with (the lock):
 * its own, plus `--auth` handed down as INFRA_AUTH (a wrong value is a usage error here, before anything starts).
 */
export function commandEnvironment(flags: CommonFlags, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const auth = parseAuthMethod(flags.auth);
  return auth === undefined ? env : { ...env, [authMethodVariable]: auth };
}
