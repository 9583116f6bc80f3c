import { ConfigError } from "@infra/cli";
import { describe, expect, it } from "vitest";
import { knownClouds, resolveCloud } from "../src/clouds.ts";

describe("resolveCloud", () => {
  it.each([
    [{}, "AzureCloud", "https://management.azure.com/.default"],
    [{ AZURE_CLOUD: "AzureChinaCloud" }, "AzureChinaCloud", "https://management.chinacloudapi.cn/.default"],
    [{ AZURE_CLOUD: "azureusgovernment" }, "AzureUSGovernment", "https://management.usgovcloudapi.net/.default"],
    [
      { AZURE_AUTHORITY_HOST: "https://login.chinacloudapi.cn/" },
      "AzureChinaCloud",
      "https://management.chinacloudapi.cn/.default",
    ],
    [{ AZURE_CLOUD: " " }, "AzureCloud", "https://management.azure.com/.default"],
  ])("%j -> %s", (env, name, scope) => {
    const cloud = resolveCloud(env);
    expect(cloud.name).toBe(name);
    expect(cloud.resourceManagerScope).toBe(scope);
    expect(cloud.custom).toBe(false);
  });

  it("builds a custom cloud from both endpoints, without trailing slashes, with the public ARM audience", () => {
    const cloud = resolveCloud({
      AZURE_AUTHORITY_HOST: "https://127.0.0.1:4443/",
      AZURE_RESOURCE_MANAGER_ENDPOINT: "https://127.0.0.1:4443/",
    });
    expect(cloud).toEqual({
      name: "Custom",
      authorityHost: "https://127.0.0.1:4443",
      resourceManagerEndpoint: "https://127.0.0.1:4443",
      resourceManagerScope: "https://management.azure.com/.default",
      custom: true,
    });
  });

  it.each([
    [{ AZURE_CLOUD: "Mars" }, "AZURE_CLOUD"],
    [{ AZURE_AUTHORITY_HOST: "https://127.0.0.1:4443" }, "AZURE_RESOURCE_MANAGER_ENDPOINT"],
    [{ AZURE_RESOURCE_MANAGER_ENDPOINT: "https://127.0.0.1:4443" }, "AZURE_AUTHORITY_HOST"],
    [
      { AZURE_AUTHORITY_HOST: "http://127.0.0.1:1", AZURE_RESOURCE_MANAGER_ENDPOINT: "https://x" },
      "AZURE_AUTHORITY_HOST",
    ],
    [{ AZURE_CLOUD: "AzureCloud", AZURE_RESOURCE_MANAGER_ENDPOINT: "https://127.0.0.1:1" }, "AZURE_CLOUD"],
  ])("%j is a configuration error naming %s", (env, variable) => {
    const error = (() => {
      try {
        resolveCloud(env);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.path)).toContain(variable);
    expect((error as ConfigError).exitCode).toBe(2);
  });

  it("knows the three public clouds' authority hosts", () => {
    expect(Object.values(knownClouds).map((c) => c.authorityHost)).toEqual([
      "https://login.microsoftonline.com",
      "https://login.chinacloudapi.cn",
      "https://login.microsoftonline.us",
    ]);
  });
});
