import { createInterface } from "node:readline/promises";
import { UsageError } from "@infra/cli";

export interface ConfirmationRequest {
  /** What will happen, one line: "apply 3 changes to local". */
  action: string;
  environment: string;
  /** Protected environments need their name typed, or `--confirm-env NAME`. */
  protectedEnvironment: boolean;
  yes: boolean;
  confirmEnv: string | undefined;
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
}

/**
 * The one question before anything changes in Azure. Without a TTY there is nobody to ask: `--yes` (and for a
 * protected environment `--confirm-env NAME`) must say it instead, or nothing is applied.
 */
export async function confirmApply(request: ConfirmationRequest): Promise<boolean> {
  const { environment } = request;
  if (request.confirmEnv !== undefined && request.confirmEnv !== environment) {
    throw new UsageError(`--confirm-env ${request.confirmEnv} does not match the environment "${environment}"`);
  }
  const nameConfirmed = request.confirmEnv === environment;
  if (request.yes && (!request.protectedEnvironment || nameConfirmed)) return true;
  if (!request.input.isTTY) {
    if (request.protectedEnvironment) {
      throw new UsageError(
        `"${environment}" is a protected environment: pass --yes --confirm-env ${environment} to ${request.action} without a terminal`,
      );
    }
    throw new UsageError(`no terminal to ask for confirmation: pass --yes to ${request.action}`);
  }
  const prompt = createInterface({ input: request.input, output: request.output, terminal: true });
  try {
    if (request.protectedEnvironment && !nameConfirmed) {
      const typed = await prompt.question(
        `"${environment}" is protected. Type its name to ${request.action}, anything else to cancel: `,
      );
      return typed.trim() === environment;
    }
    const answer = await prompt.question(`Do you want to ${request.action}? Only "yes" is accepted: `);
    return answer.trim() === "yes";
  } finally {
    prompt.close();
  }
}
