import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** What one process loaded: its arguments, and every module (ES and CommonJS alike) in load order. */
export interface ProcessLoads {
  argv: string[];
  loaded: string[];
}

/**
 * Writes into `dir` a preload that records what each process given it loads (`node --import <preload>`, directly or
 * through NODE_OPTIONS, so turbo's task processes inherit it), and returns the preload's path. It uses Node's own
 * module hooks, which see every module, so nothing loads unseen. Read the records with `recordedLoads(dir)`.
 */
export async function moduleLoadRecorder(dir: string): Promise<string> {
  const records = join(dir, "loads");
  await mkdir(records, { recursive: true });
  const preload = join(dir, "record-loads.mjs");
  await writeFile(
    preload,
    `import { registerHooks } from "node:module";
import { writeFileSync } from "node:fs";
const loaded = [];
registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
process.on("exit", () =>
  writeFileSync(${JSON.stringify(records)} + "/" + process.pid + ".json", JSON.stringify({ argv: process.argv, loaded })),
);
`,
  );
  return preload;
}

/** What every process given the recorder in `dir` loaded, one entry per process. */
export async function recordedLoads(dir: string): Promise<ProcessLoads[]> {
  const records = join(dir, "loads");
  return Promise.all(
    (await readdir(records)).map(
      async (file) => JSON.parse(await readFile(join(records, file), "utf8")) as ProcessLoads,
    ),
  );
}
