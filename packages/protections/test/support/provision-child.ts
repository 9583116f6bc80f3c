// A provision in its own process, so a test can SIGKILL it at any point: `tsx provision-child.ts ENV.json`.
// Credentials and endpoints come from the environment (the emulator's `env("ops")`), as for a task process.
import { readFile } from "node:fs/promises";
import { connectAzure } from "@infra/auth";
import { provisionEnvironment } from "./in-process-provision.ts";

const path = process.argv[2];
if (!path) throw new Error("usage: provision-child.ts ENVIRONMENT.json");
const azure = await connectAzure({ task: "protections", env: process.env });
const result = await provisionEnvironment(azure, JSON.parse(await readFile(path, "utf8")));
process.stdout.write(`applied ${result.succeeded.length}, failed ${result.failed.length}\n`);
