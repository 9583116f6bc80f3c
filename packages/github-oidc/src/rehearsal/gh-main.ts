// The `gh` a rehearsed step finds on its PATH: GitHub's CLI for the few calls the workflows make (`gh api` on the
// routes RehearsalGitHub answers, `gh run download`), served from the rehearsal's GitHub directory instead of
// github.com. Anything else fails loudly, so a workflow cannot come to rely on a call the rehearsal does not check.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { RehearsalGitHub } from "./github-stand-in.ts";

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

function value(args: string[], index: number, flag: string): string {
  const next = args[index + 1];
  if (next === undefined) fail(`flag needs an argument: ${flag}`);
  return next as string;
}

async function api(github: RehearsalGitHub, args: string[]): Promise<void> {
  let method: string | undefined;
  let jq: string | undefined;
  let silent = false;
  let path: string | undefined;
  const fields: Record<string, string> = {};
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--method" || arg === "-X") method = value(args, index++, arg);
    else if (arg === "--jq" || arg === "-q") jq = value(args, index++, arg);
    else if (arg === "--silent") silent = true;
    else if (arg === "--paginate")
      continue; // one page holds everything here
    else if (arg === "-F" || arg === "--field" || arg === "-f" || arg === "--raw-field") {
      const [key = "", ...rest] = value(args, index++, arg).split("=");
      const given = rest.join("=");
      // `-F key=@file` reads the value from the file, as gh does; `-f` takes it as it is.
      fields[key] =
        (arg === "-F" || arg === "--field") && given.startsWith("@")
          ? readFileSync(resolve(given.slice(1)), "utf8")
          : given;
    } else if (arg.startsWith("-")) fail(`gh api (rehearsal): flag ${arg} is not covered`);
    else path = arg;
  }
  if (path === undefined) fail("gh api: a path is required");
  const verb = method ?? (Object.keys(fields).length > 0 ? "POST" : "GET");
  // A fork's pull request runs with a read-only GITHUB_TOKEN, whatever `permissions:` asks for.
  if (verb !== "GET" && process.env.REHEARSAL_GITHUB_READ_ONLY === "true") {
    fail("gh: Resource not accessible by integration (HTTP 403)");
  }
  const answer = await github.api(verb, path as string, fields);
  if (answer === undefined) fail(`gh api (rehearsal): ${verb} ${path} is not a route the rehearsal covers`);
  const { status, body } = answer as { status: number; body: unknown };
  if (status >= 400) fail(`gh: ${(body as { message?: string }).message ?? "error"} (HTTP ${status})`);
  if (silent) return;
  const json = JSON.stringify(body);
  if (jq === undefined) {
    process.stdout.write(`${json}\n`);
    return;
  }
  // gh's --jq prints strings raw, as `jq -r`.
  const filtered = spawnSync("jq", ["-r", jq], { input: json, encoding: "utf8" });
  if (filtered.status !== 0) fail(`gh api --jq: ${filtered.stderr.trim()}`);
  process.stdout.write(filtered.stdout);
}

async function runDownload(github: RehearsalGitHub, args: string[]): Promise<void> {
  let runId: string | undefined;
  let name: string | undefined;
  let dir = ".";
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--name" || arg === "-n") name = value(args, index++, arg);
    else if (arg === "--dir" || arg === "-D") dir = value(args, index++, arg);
    else if (arg === "--repo" || arg === "-R") index++;
    else if (arg.startsWith("-")) fail(`gh run download (rehearsal): flag ${arg} is not covered`);
    else runId = arg;
  }
  if (runId === undefined || name === undefined) fail("gh run download (rehearsal): give the run id and --name");
  if (!(await github.downloadArtifact(Number(runId), name as string, resolve(dir)))) {
    fail(`no artifact matches any of the names or patterns provided`);
  }
}

const [command, ...rest] = process.argv.slice(2);
if (!process.env.GH_TOKEN && !process.env.GITHUB_TOKEN) {
  fail(
    "gh: To use GitHub CLI in a GitHub Actions workflow, set the GH_TOKEN environment variable (GH_TOKEN: the github.token of the job).",
  );
}
const dir = process.env.REHEARSAL_GITHUB_DIR ?? fail("gh (rehearsal): REHEARSAL_GITHUB_DIR is not set");
const github = RehearsalGitHub.open(dir as string);
if (command === "api") await api(github, rest);
else if (command === "run" && rest[0] === "download") await runDownload(github, rest.slice(1));
else fail(`gh (rehearsal): gh ${[command, ...rest].join(" ")} is not covered`);
