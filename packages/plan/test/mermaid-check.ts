/// <reference path="./jsdom.d.ts" />
// Mermaid's own parser over a diagram, as GitHub runs it before drawing a ```mermaid block: a diagram this refuses
// shows as an error box in a job summary or PR comment. Mermaid sanitises labels with DOMPurify, which needs a DOM.
import { JSDOM } from "jsdom";

let loaded: Promise<typeof import("mermaid").default> | undefined;

function mermaid(): Promise<typeof import("mermaid").default> {
  loaded ??= (async () => {
    const { window } = new JSDOM("<!doctype html><html><body></body></html>");
    Object.assign(globalThis, { window, document: window.document });
    return (await import("mermaid")).default;
  })();
  return loaded;
}

/** Loads Mermaid (seconds on a busy machine): call it in `beforeAll` so no single test is charged for it. */
export async function loadMermaid(): Promise<void> {
  await mermaid();
}

/** The diagram type Mermaid reads (`flowchart-v2`, `pie`, `xychart`), or throws its parse error. */
export async function parseMermaid(text: string): Promise<string> {
  const result = await (await mermaid()).parse(text);
  if (!result) throw new Error("mermaid refused the diagram");
  return result.diagramType;
}

/** The bodies of every ```mermaid block in a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? "");
}
