import { readFileSync } from "node:fs";
import { parse } from "yaml";

/** One request/response pair of a VCR cassette as the Azure CLI's test recorder writes it. */
export interface RecordedInteraction {
  /** 1-based position in the cassette file (what the allow-list refers to). */
  index: number;
  method: string;
  uri: string;
  body: string | undefined;
  status: number;
  /** Response headers, lowercase names, first value. */
  headers: Record<string, string>;
  /** Response body text ('' when empty). */
  responseText: string;
}

interface VcrFile {
  interactions: {
    request: { method: string; uri: string; body: string | null };
    response: { status: { code: number }; headers?: Record<string, string[]>; body?: { string?: string } };
  }[];
}

export function loadCassette(path: string): RecordedInteraction[] {
  const file = parse(readFileSync(path, "utf8")) as VcrFile;
  return file.interactions.map((interaction, i) => {
    const headers: Record<string, string> = {};
    for (const [name, values] of Object.entries(interaction.response.headers ?? {})) {
      if (values[0] !== undefined) headers[name.toLowerCase()] = values[0];
    }
    return {
      index: i + 1,
      method: interaction.request.method.toUpperCase(),
      uri: interaction.request.uri,
      body: interaction.request.body ?? undefined,
      status: interaction.response.status.code,
      headers,
      responseText: interaction.response.body?.string ?? "",
    };
  });
}

/** What the service finally answered for one replayable request: its own answer, or the last poll of its operation. */
export interface ReplayStep {
  request: RecordedInteraction;
  final: { status: number; text: string };
  /** Recorded polls of the request's long-running operation (the replay polls the emulator its own way instead). */
  polls: number;
}

/**
 * Folds each long-running operation's recorded polling GETs (requests to the Location / Azure-AsyncOperation URL of an
 * earlier 202) into the request that started it, keeping the last poll's answer as the operation's result.
 */
export function replaySteps(interactions: readonly RecordedInteraction[]): ReplayStep[] {
  const steps: ReplayStep[] = [];
  const byPollUrl = new Map<string, ReplayStep>();
  for (const interaction of interactions) {
    const operation = interaction.method === "GET" ? byPollUrl.get(interaction.uri) : undefined;
    if (operation) {
      operation.final = { status: interaction.status, text: interaction.responseText };
      operation.polls += 1;
      continue;
    }
    const step: ReplayStep = {
      request: interaction,
      final: { status: interaction.status, text: interaction.responseText },
      polls: 0,
    };
    steps.push(step);
    if (interaction.status === 202) {
      for (const header of ["location", "azure-asyncoperation"]) {
        const url = interaction.headers[header];
        if (url) byPollUrl.set(url, step);
      }
    }
  }
  return steps;
}
