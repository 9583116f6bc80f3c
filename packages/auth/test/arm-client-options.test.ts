import { describe, expect, it } from "vitest";
import { armClientOptions, userAgentPrefix } from "../src/arm-client-options.ts";
import { knownClouds } from "../src/clouds.ts";

describe("armClientOptions", () => {
  it("gives both SDK generations the cloud's endpoint and scope", () => {
    const options = armClientOptions(knownClouds.AzureChinaCloud, "storage");
    expect(options.endpoint).toBe("https://management.chinacloudapi.cn");
    expect(options.credentialScopes).toEqual(["https://management.chinacloudapi.cn/.default"]);
    expect(options.credentials.scopes).toEqual(["https://management.chinacloudapi.cn/.default"]);
    expect(options.userAgentOptions.userAgentPrefix).toBe("azure-infra-ops/storage");
    expect(options.retryOptions.maxRetries).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ["whoami", "azure-infra-ops/whoami"],
    ["github oidc", "azure-infra-ops/github-oidc"],
    ["", "azure-infra-ops/unknown"],
  ])("user agent for %j is %s", (task, expected) => {
    expect(userAgentPrefix(task)).toBe(expected);
  });
});
