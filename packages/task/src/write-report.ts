import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { TextWriter } from "@infra/cli";

/**
 * Writes a report given in pieces to a file path (streamed: a large report never sits in memory as one text) or to a
 * writer (stdout).
 */
export async function writeReport(pieces: Iterable<string>, target: string | TextWriter): Promise<void> {
  if (typeof target !== "string") {
    for (const piece of pieces) target.write(piece);
    return;
  }
  await pipeline(Readable.from(pieces), createWriteStream(target));
}
