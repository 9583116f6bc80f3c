import { format } from "node:util";
import { AzureLogger, getLogLevel, setLogLevel } from "@azure/logger";
import type { TextWriter } from "./text-writer.ts";

/**
 * Routes the Azure SDKs' own log output (@azure/logger) to `write`, which redacts, and with `verbose` turns it up to
 * the verbose level. Routing happens even without `verbose`: a user's AZURE_LOG_LEVEL must not bypass redaction.
 * Returns a function that restores the previous level and sink.
 */
export function routeAzureSdkLogging(write: TextWriter, verbose: boolean): () => void {
  const previousLog = AzureLogger.log;
  const previousLevel = getLogLevel();
  AzureLogger.log = (...args: unknown[]) => {
    write.write(`${format(...args)}\n`);
  };
  if (verbose) setLogLevel("verbose");
  return () => {
    AzureLogger.log = previousLog;
    if (verbose) setLogLevel(previousLevel);
  };
}
