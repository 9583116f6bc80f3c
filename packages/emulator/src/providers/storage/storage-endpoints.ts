import { isRecord } from "./json-record.ts";

type Service = "blob" | "dfs" | "file" | "queue" | "table" | "web";

/** Which data-plane services an account kind exposes. */
const SERVICES_BY_KIND: Record<string, Service[]> = {
  Storage: ["blob", "dfs", "file", "queue", "table", "web"],
  StorageV2: ["blob", "dfs", "file", "queue", "table", "web"],
  BlobStorage: ["blob", "dfs", "web"],
  BlockBlobStorage: ["blob", "dfs", "web"],
  FileStorage: ["file"],
};

/** Internet routing publishes no queue or table endpoints. */
const INTERNET_ROUTING_SERVICES: Service[] = ["blob", "dfs", "file", "web"];
/** Read-access geo-redundant accounts get secondary endpoints for everything but files. */
const SECONDARY_SERVICES: Service[] = ["blob", "dfs", "queue", "table", "web"];

const SUFFIX = "core.windows.net";

function endpointSet(host: string, services: Service[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of services) out[s] = `https://${host}.${s}.${SUFFIX}/`;
  return out;
}

export function servicesOf(kind: string): Service[] {
  return SERVICES_BY_KIND[kind] ?? SERVICES_BY_KIND.StorageV2!;
}

/** `primaryEndpoints` as Azure computes it, including routing-preference endpoints when they are published. */
export function primaryEndpoints(name: string, kind: string, routingPreference: unknown): Record<string, unknown> {
  const services = servicesOf(kind);
  const out: Record<string, unknown> = endpointSet(name, services);
  if (isRecord(routingPreference)) {
    if (routingPreference.publishMicrosoftEndpoints === true) {
      out.microsoftEndpoints = endpointSet(`${name}-microsoftrouting`, services);
    }
    if (routingPreference.publishInternetEndpoints === true) {
      const internet = services.filter((s) => INTERNET_ROUTING_SERVICES.includes(s));
      out.internetEndpoints = endpointSet(`${name}-internetrouting`, internet);
    }
  }
  return out;
}

export function secondaryEndpoints(name: string, kind: string): Record<string, string> {
  return endpointSet(
    `${name}-secondary`,
    servicesOf(kind).filter((s) => SECONDARY_SERVICES.includes(s)),
  );
}
