import { join } from "node:path";
import { loadCassette, replaySteps } from "./cassette.ts";
import type { CassetteEntry, Prelude } from "./cassettes.ts";
import { type Answer, compareAnswers, type Divergence } from "./compare.ts";
import { Rewriter, type RewriteTargets } from "./rewrite.ts";

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** Sends one request to the emulator as its `ops` principal. */
export type Send = (method: string, url: string, body?: string) => Promise<HttpAnswer>;

export interface InteractionVerdict {
  /** 1-based position in the cassette. */
  index: number;
  method: string;
  /** Recorded path, without host and query. */
  path: string;
  /** Recorded polls folded into this request. */
  polls: number;
  divergences: Divergence[];
}

const CASSETTES = new URL("./cassettes/", import.meta.url).pathname;
const MAX_POLLS = 30;

/** Replays one cassette against a freshly reset emulator and returns a verdict per replayed request. */
export async function replayCassette(
  entry: CassetteEntry,
  targets: RewriteTargets,
  send: Send,
): Promise<InteractionVerdict[]> {
  const rewriter = new Rewriter(targets);
  for (const prelude of entry.prelude ?? []) await runPrelude(prelude, rewriter, send);
  const verdicts: InteractionVerdict[] = [];
  for (const step of replaySteps(loadCassette(join(CASSETTES, entry.file)))) {
    const { request } = step;
    const url = rewriter.text(request.uri);
    const body = request.body === undefined ? undefined : rewriter.text(request.body);
    const first = await send(request.method, url, body);
    const divergences: Divergence[] = [];
    // Accepted (202) or answered at once must match what Azure did; an accepted operation is then compared by its end.
    if ((request.status === 202) !== (first.status === 202)) {
      divergences.push({ kind: "status", path: "", recorded: request.status, replayed: first.status });
    }
    const final = first.status === 202 ? await pollToEnd(first, send) : first;
    // Recorded without waiting for the operation: only the acceptance can be compared.
    const recordedEnd = !(request.status === 202 && step.polls === 0);
    if (recordedEnd && divergences.length === 0) {
      const recorded: Answer = { status: step.final.status, body: parse(rewriter.text(step.final.text)) };
      const replayed: Answer = { status: final.status, body: parse(final.text) };
      const requestText = `${url} ${body ?? ""}`.toLowerCase();
      const knows = (id: string) => rewriter.knows(id) || requestText.includes(id.toLowerCase());
      divergences.push(...compareAnswers(recorded, replayed, knows));
      rewriter.learn(parse(step.final.text), replayed.body);
    }
    verdicts.push({
      index: request.index,
      method: request.method,
      path: new URL(request.uri).pathname,
      polls: step.polls,
      divergences,
    });
  }
  return verdicts;
}

/** Follows the emulator's Location header until the operation is no longer running. */
async function pollToEnd(accepted: HttpAnswer, send: Send): Promise<HttpAnswer> {
  let answer = accepted;
  for (let i = 0; i < MAX_POLLS && answer.status === 202; i++) {
    const location = answer.headers.get("location");
    if (!location) throw new Error("replay => a 202 without a Location header");
    answer = await send("GET", location);
  }
  return answer;
}

function parse(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const RECORDED_SUBSCRIPTION = "https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000";

/** Creates what the recorded test's preparers had created (the recorder did not record them). */
async function runPrelude(prelude: Prelude, rewriter: Rewriter, send: Send): Promise<void> {
  const group = `${RECORDED_SUBSCRIPTION}/resourcegroups/${prelude.group}`;
  const request =
    prelude.storageAccount === undefined
      ? {
          uri: `${group}?api-version=2021-04-01`,
          // The Azure CLI's resource-group preparer tags every group it makes.
          body: {
            location: prelude.location,
            tags: { product: "azurecli", cause: "automation", date: new Date().toISOString() },
          },
        }
      : {
          uri: `${group}/providers/Microsoft.Storage/storageAccounts/${prelude.storageAccount}?api-version=${prelude.apiVersion}`,
          body: {
            location: prelude.location,
            kind: prelude.kind,
            sku: { name: prelude.sku },
            properties: prelude.properties ?? {},
          },
        };
  const answer = await send("PUT", rewriter.text(request.uri), rewriter.text(JSON.stringify(request.body)));
  const final = answer.status === 202 ? await pollToEnd(answer, send) : answer;
  if (final.status >= 300) throw new Error(`replay => prelude ${request.uri} -> ${final.status}: ${final.text}`);
}
