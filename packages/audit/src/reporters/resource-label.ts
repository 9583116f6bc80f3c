/** Enough of a subscription id to tell subscriptions apart at a glance; the full id is in every report's data. */
const SHORT_SUBSCRIPTION = 8;

/**
 * Short names people recognise: `rg/acct` (child resources `rg/acct/default/c`), `subscription 11111111` for a
 * subscription itself. When the ids span several subscriptions each label starts with the subscription (`11111111/rg/acct`);
 * labels that would still collide fall back to the full id, so a label never names two resources.
 */
export function resourceLabels(resourceIds: readonly string[]): Map<string, string> {
  const parsed = resourceIds.map(parseResourceId);
  const subscriptions = new Set(parsed.map((id) => id.subscription?.toLowerCase()));
  const withSubscription = subscriptions.size > 1;
  const labels = new Map<string, string>();
  const owners = new Map<string, string>();
  const collisions = new Set<string>();
  for (const [index, resourceId] of resourceIds.entries()) {
    const label = formatLabel(parsed[index]!, withSubscription);
    labels.set(resourceId, label);
    const key = label.toLowerCase();
    const owner = owners.get(key);
    if (owner === undefined) owners.set(key, resourceId.toLowerCase());
    else if (owner !== resourceId.toLowerCase()) collisions.add(key);
  }
  for (const [resourceId, label] of labels) {
    if (collisions.has(label.toLowerCase())) labels.set(resourceId, resourceId);
  }
  return labels;
}

/** One resource on its own (no other ids to disambiguate against). */
export function resourceLabel(resourceId: string): string {
  return resourceLabels([resourceId]).get(resourceId) ?? resourceId;
}

interface ParsedResourceId {
  readonly subscription?: string;
  readonly group?: string;
  /** The name segments after each `providers/<namespace>/<type>`: `acct`, `default`, `c` for a container. */
  readonly names: readonly string[];
  readonly raw: string;
}

function parseResourceId(resourceId: string): ParsedResourceId {
  const segments = resourceId.split("/").filter((segment) => segment.length > 0);
  const valueAfter = (key: string): string | undefined => {
    const index = segments.findIndex((segment) => segment.toLowerCase() === key);
    return index >= 0 ? segments[index + 1] : undefined;
  };
  const names: string[] = [];
  const providers = segments.findIndex((segment) => segment.toLowerCase() === "providers");
  if (providers >= 0) {
    // providers/<namespace>/<type>/<name>[/<child type>/<child name>...], possibly repeated for extension resources.
    for (let index = providers + 2; index + 1 < segments.length; index += 2) {
      // An extension resource: skip `providers/<namespace>` and carry on at its type.
      if (segments[index]!.toLowerCase() === "providers") continue;
      names.push(segments[index + 1]!);
    }
  }
  return { subscription: valueAfter("subscriptions"), group: valueAfter("resourcegroups"), names, raw: resourceId };
}

function formatLabel(id: ParsedResourceId, withSubscription: boolean): string {
  const subscription = id.subscription?.slice(0, SHORT_SUBSCRIPTION);
  if (id.group === undefined && id.names.length === 0) {
    return subscription === undefined ? id.raw : `subscription ${subscription}`;
  }
  const parts = [...(id.group === undefined ? [] : [id.group]), ...id.names];
  if (withSubscription && subscription !== undefined) parts.unshift(subscription);
  return parts.join("/");
}
