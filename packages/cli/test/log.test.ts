import { describe, expect, it } from "vitest";
import { createLogger } from "../src/log.ts";
import { capture } from "./capture.ts";

describe("createLogger", () => {
  it("writes level and scope chain so lines grep well", () => {
    const write = capture();
    const log = createLogger({ write });
    log.info("starting");
    log.scope("auth").scope("getToken").warn("retrying in %ds", 2);
    log.scope("plan").error("failed");
    expect(write.text).toBe("info  starting\nwarn  auth => getToken => retrying in 2s\nerror plan => failed\n");
  });

  it("prints debug lines only when verbose", () => {
    const quiet = capture();
    createLogger({ write: quiet }).debug("hidden");
    expect(quiet.text).toBe("");
    const loud = capture();
    const log = createLogger({ write: loud, verbose: true }).scope("arm");
    log.debug("GET %s", "/subscriptions");
    expect(log.verbose).toBe(true);
    expect(loud.text).toBe("debug arm => GET /subscriptions\n");
  });
});
