/** The parts of an ARM request URL a person needs to find the resource. Pure: no I/O. */
export interface ArmResourcePath {
  subscriptionId?: string;
  resourceGroup?: string;
  /** `Microsoft.Storage/storageAccounts/blobServices`: namespace plus every type segment. */
  resourceType?: string;
  /** `st1/default`: every name segment, for a single resource; absent for a collection. */
  name?: string;
  /** The trailing segment of a POST such as `listKeys`. */
  action?: string;
  /** The scope an extension resource (role assignment, lock) hangs off, when not a subscription or group. */
  parentScope?: string;
}

/** Splits an ARM URL into subscription, group, type, name and action. Unknown shapes give what could be read. */
export function parseArmResourcePath(url: string, method = "GET"): ArmResourcePath {
  const segments = pathSegments(url);
  const result: ArmResourcePath = {};
  const lower = segments.map((s) => s.toLowerCase());

  const sub = lower.indexOf("subscriptions");
  if (sub >= 0 && segments[sub + 1]) result.subscriptionId = segments[sub + 1];
  const group = lower.indexOf("resourcegroups");
  if (group >= 0 && segments[group + 1]) result.resourceGroup = segments[group + 1];

  // The last `providers` segment starts the resource itself; anything between the group and it is a parent scope.
  const providers = lower.lastIndexOf("providers");
  if (providers < 0 || !segments[providers + 1]) return result;
  const firstProviders = lower.indexOf("providers");
  if (firstProviders !== providers) {
    result.parentScope = `/${segments.slice(0, providers).join("/")}`;
  }

  const namespace = segments[providers + 1] ?? "";
  const rest = segments.slice(providers + 2);
  if (rest.length % 2 === 1 && method.toUpperCase() === "POST" && rest.length > 1) {
    result.action = rest.pop();
  }
  const types = rest.filter((_, i) => i % 2 === 0);
  const names = rest.filter((_, i) => i % 2 === 1);
  result.resourceType = [namespace, ...types].join("/");
  if (names.length > 0 && names.length === types.length) result.name = names.join("/");
  return result;
}

/** One phrase for an error line: `Microsoft.Storage/storageAccounts 'st1' in resource group 'rg-dev'`. */
export function describeArmResource(path: ArmResourcePath): string {
  const where: string[] = [];
  if (path.resourceGroup) where.push(`resource group '${path.resourceGroup}'`);
  else if (path.subscriptionId) where.push(`subscription '${path.subscriptionId}'`);
  const place = where.length > 0 ? ` in ${where.join(", ")}` : "";

  if (path.resourceType) {
    const named = path.name ? ` '${path.name}'` : " (list)";
    const action = path.action ? ` action '${path.action}'` : "";
    const parent = path.parentScope ? ` on ${path.parentScope}` : "";
    return `${path.resourceType}${named}${action}${parent}${path.parentScope ? "" : place}`;
  }
  if (path.resourceGroup) return `resource group '${path.resourceGroup}'`;
  if (path.subscriptionId) return `subscription '${path.subscriptionId}'`;
  return "";
}

function pathSegments(url: string): string[] {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    pathname = url.split("?")[0] ?? "";
  }
  return pathname
    .split("/")
    .filter((s) => s.length > 0)
    .map((s) => safeDecode(s));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
