import { enableCompileCache, setSourceMapsSupport } from "node:module";
import { join } from "node:path";

/** This file is `packages/cli/src/process-start.ts` of the workspace. */
const repoRoot = join(import.meta.dirname, "..", "..", "..");

/**
 * What each of our processes sets before it loads anything heavy. Static imports are compiled before any code runs,
 * so an entry point calls this first and `import()`s the rest.
 * - Node's on-disk compile cache, for this process and every process it starts (turbo passes NODE_COMPILE_CACHE
 *   through to the tasks). tsx keeps the JavaScript it makes of each TypeScript file in a cache of its own; this one
 *   keeps V8's compiled code of every module, tsx's output and the dependencies alike.
 * - Source maps for our TypeScript only. tsx turns them on for every module, node_modules included, and Node then
 *   reads and parses the `.map` file of each SDK module it loads: hundreds per process, about a tenth of a task
 *   process's start. Our stack frames keep their TypeScript lines; SDK frames show the published JavaScript.
 */
export function startProcess(): void {
  const dir = compileCacheDir();
  process.env.NODE_COMPILE_CACHE = dir;
  enableCompileCache(dir);
  setSourceMapsSupport(true, { nodeModules: false, generatedCode: true });
}

/** Where the compile cache lives: $NODE_COMPILE_CACHE when set, else inside node_modules (gone with a fresh install). */
export function compileCacheDir(): string {
  return process.env.NODE_COMPILE_CACHE ?? join(repoRoot, "node_modules", ".cache", "node-compile");
}
