import { isRecord } from "./json-record.ts";

type Service = "blob" | "dfs" | "file" | "queue" | "table" | "web";

/** Which data-plane services an account kind exposes: general-purpose v1 (`Storage`) has no dfs and no static website. */
const SERVICES_BY_KIND: Record<string, Service[]> = {
  Storage: ["blob", "queue", "table", "file"],
  StorageV2: ["dfs", "web", "blob", "queue", "table", "file"],
  BlobStorage: ["dfs", "web", "blob"],
  BlockBlobStorage: ["dfs", "web", "blob"],
  FileStorage: ["file"],
};

/** Internet routing publishes no queue or table endpoints. */
const INTERNET_ROUTING_SERVICES: Service[] = ["blob", "dfs", "file", "web"];
/** Read-access geo-redundant accounts get secondary endpoints for everything but files. */
const SECONDARY_SERVICES: Service[] = ["blob", "dfs", "queue", "table", "web"];

const SUFFIX = "core.windows.net";

/**
 * Static-website hosts carry the zone of the storage stamp (`https://name.z13.web.core.windows.net/`). The number
 * belongs to the stamp, not the region; these are the ones seen for accounts in each region, 1 elsewhere.
 */
const WEB_ZONES: Record<string, number> = {
  eastus: 13,
  eastus2: 20,
  westus: 22,
  westus2: 5,
  centralus: 19,
  southcentralus: 21,
  northeurope: 16,
  westeurope: 6,
  uksouth: 33,
};

function endpointSet(host: string, services: Service[], location: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of services) {
    const service = s === "web" ? `z${WEB_ZONES[location] ?? 1}.web` : s;
    out[s] = `https://${host}.${service}.${SUFFIX}/`;
  }
  return out;
}

export function servicesOf(kind: string): Service[] {
  return SERVICES_BY_KIND[kind] ?? SERVICES_BY_KIND.StorageV2!;
}

/** `primaryEndpoints` as Azure computes it, including routing-preference endpoints when they are published. */
export function primaryEndpoints(
  name: string,
  kind: string,
  location: string,
  routingPreference: unknown,
): Record<string, unknown> {
  const services = servicesOf(kind);
  const out: Record<string, unknown> = endpointSet(name, services, location);
  if (isRecord(routingPreference)) {
    if (routingPreference.publishMicrosoftEndpoints === true) {
      out.microsoftEndpoints = endpointSet(`${name}-microsoftrouting`, services, location);
    }
    if (routingPreference.publishInternetEndpoints === true) {
      const internet = services.filter((s) => INTERNET_ROUTING_SERVICES.includes(s));
      out.internetEndpoints = endpointSet(`${name}-internetrouting`, internet, location);
    }
  }
  return out;
}

export function secondaryEndpoints(name: string, kind: string, location: string): Record<string, string> {
  return endpointSet(
    `${name}-secondary`,
    servicesOf(kind).filter((s) => SECONDARY_SERVICES.includes(s)),
    location,
  );
}
