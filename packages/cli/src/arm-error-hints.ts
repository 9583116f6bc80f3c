/** What is known about a failed ARM call when choosing the next step to suggest. */
export interface ArmErrorFacts {
  code?: string;
  statusCode?: number;
  message: string;
  retryAfterSeconds?: number;
  namespace?: string;
}

type Hint = (facts: ArmErrorFacts) => string;

const whoami = "run `pnpm run whoami` to see which identity and subscription are in use";

// Keyed by ARM error code (case-insensitive). Each says what to do next, not what went wrong.
const hintsByCode: Record<string, Hint> = {
  authorizationfailed: (f) => {
    const action = /perform action '([^']+)'/.exec(f.message)?.[1];
    const scope = /over scope '([^']+)'/.exec(f.message)?.[1];
    const needs = action ? `a role that allows '${action}'` : "a role that allows this action";
    const at = scope ? ` at scope '${scope}' or above` : "";
    return `the identity needs ${needs}${at} (Contributor for writes, Reader for reads; User Access Administrator or Owner for role assignments); ${whoami}; a new assignment can take minutes to apply`;
  },
  linkedauthorizationfailed: () =>
    `the identity also needs rights on the linked resource named in the message; ${whoami}`,
  authenticationfailed: () => `the token was rejected; ${whoami} and check AZURE_TENANT_ID`,
  invalidauthenticationtoken: () => `the token was rejected; ${whoami} and check AZURE_TENANT_ID`,
  invalidauthenticationtokentenant: () =>
    `the token is for another tenant than the subscription; set AZURE_TENANT_ID to the subscription's tenant; ${whoami}`,
  invalidauthenticationtokenaudience: () =>
    "the token was issued for another audience; check AZURE_CLOUD / the endpoint",
  expiredauthenticationtoken: () =>
    "the access token expired; on a laptop run `az login` again, in CI make sure the credential fetches a fresh OIDC token",
  subscriptionrequeststhrottled: (f) => throttled(f),
  toomanyrequests: (f) => throttled(f),
  resourcegroupnotfound: () =>
    "the resource group does not exist (yet): provision the resource-groups task first, or check --env / the subscription",
  resourcenotfound: () => "the resource does not exist: check the name, --env and the subscription",
  parentresourcenotfound: () => "the parent resource does not exist yet: provision it first",
  subscriptionnotfound: () =>
    `this identity cannot see the subscription: fix subscriptionId in the environment file (or AZURE_SUBSCRIPTION_ID), or grant the identity a role on it; ${whoami}`,
  invalidsubscriptionid: () => "the subscription id is not a GUID: check AZURE_SUBSCRIPTION_ID or the environment file",
  missingsubscriptionregistration: (f) =>
    `register the resource provider once: az provider register --namespace ${f.namespace ?? "<namespace>"}`,
  scopelocked: () => "a management lock blocks this change: remove the lock (or ask its owner) and retry",
  requestdisallowedbypolicy: () =>
    "an Azure Policy assignment denies this request: change the resource to comply or ask for an exemption",
  storageaccountalreadytaken: () => "storage account names are global across Azure: choose another name",
  anotheroperationinprogress: () => "another operation on this resource is still running: retry when it has finished",
  conflict: () => "the resource is in a conflicting state (often another operation in progress): retry shortly",
};

function throttled(facts: ArmErrorFacts): string {
  const wait = facts.retryAfterSeconds ? `wait ${facts.retryAfterSeconds}s and ` : "";
  return `ARM throttled this identity: ${wait}retry later, or lower the concurrency`;
}

// Transport failures carry a Node error code instead of an ARM one.
const transportHints: Record<string, string> = {
  econnrefused: "nothing answers at the endpoint: is the emulator running, is AZURE_RESOURCE_MANAGER_ENDPOINT right?",
  enotfound: "the host name does not resolve: check AZURE_CLOUD / AZURE_RESOURCE_MANAGER_ENDPOINT and the network",
  depth_zero_self_signed_cert: "the endpoint's certificate is not trusted: set NODE_EXTRA_CA_CERTS to its CA file",
  self_signed_cert_in_chain: "the endpoint's certificate is not trusted: set NODE_EXTRA_CA_CERTS to its CA file",
  unable_to_verify_leaf_signature: "the endpoint's certificate is not trusted: set NODE_EXTRA_CA_CERTS to its CA file",
};

/** The next step for a failed ARM call, or undefined when nothing useful is known. */
export function hintForArmError(facts: ArmErrorFacts): string | undefined {
  const code = facts.code?.toLowerCase();
  if (code) {
    const byCode = hintsByCode[code];
    if (byCode) return byCode(facts);
    const transport = transportHints[code];
    if (transport) return transport;
  }
  const status = facts.statusCode;
  if (status === 401) return `the request was not authenticated; ${whoami}`;
  if (status === 403) return `the identity is not allowed to do this; ${whoami}`;
  if (status === 429) return throttled(facts);
  if (status !== undefined && status >= 500) return "Azure answered with a server error: retry later";
  return undefined;
}
