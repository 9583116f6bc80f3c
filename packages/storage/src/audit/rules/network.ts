import { fail, notApplicable, pass } from "@infra/audit/rules";
import { valueAt } from "@infra/plan/property-path";
import { accountProperty } from "../account-facts.ts";
import { storageAccountRule } from "../storage-rule.ts";

/** `properties.publicNetworkAccess`: absent/null behaves as Enabled (the firewall decides). */
function publicEndpointClosed(actual: unknown): boolean {
  return actual === "Disabled";
}

export const publicNetworkAccessRule = storageAccountRule({
  id: "storage.public-network-access",
  title: "Public network access is disabled or restricted to selected networks",
  severity: "high",
  rationale:
    "An endpoint open to all networks can be reached and attacked from anywhere once a credential leaks. Environments in `private` network mode must disable the public endpoint entirely; `selected-networks` environments may keep it behind a default-Deny firewall.",
  remediation:
    "az storage account update -g <group> -n <account> --public-network-access Disabled (private) or --default-action Deny (selected networks)",
  references: {
    cis: ["9.3.2.2"],
    azurePolicy: ["b2982f36-99f2-4db5-8eff-283140c09693"],
    prowler: ["storage_account_public_network_access_disabled"],
  },
  check: (audited, context) => {
    const access = { ...accountProperty(audited, "publicNetworkAccess") };
    const firewall = accountProperty(audited, "networkAcls.defaultAction");
    if (publicEndpointClosed(access.actual)) return pass("public network access is disabled", access);
    if (context.network === "private") {
      return fail(
        `public endpoint is ${String(access.actual ?? "enabled (not set)")}; this environment requires Disabled`,
        {
          ...access,
          expected: "Disabled",
        },
      );
    }
    return firewall.actual === "Deny"
      ? pass("public endpoint restricted to selected networks", access, firewall)
      : fail("public endpoint is open to all networks", access, { ...firewall, expected: "Deny" });
  },
});

export const firewallDefaultDenyRule = storageAccountRule({
  id: "storage.firewall-default-deny",
  title: "Firewall denies by default",
  severity: "high",
  rationale:
    "With defaultAction Allow every network reaches the account; IP and VNet rules only take effect under Deny. Absent networkAcls means Allow.",
  remediation: "az storage account update -g <group> -n <account> --default-action Deny",
  references: {
    cis: ["9.3.2.3"],
    azurePolicy: ["34c877ad-507e-4c82-993e-3452a6e0ad3c"],
    psrule: ["Azure.Storage.Firewall"],
    prowler: ["storage_default_network_access_rule_is_denied"],
    checkov: ["CKV_AZURE_35"],
  },
  check: (audited) => {
    const evidence = { ...accountProperty(audited, "networkAcls.defaultAction"), expected: "Deny" };
    if (evidence.actual === "Deny") return pass("firewall default action is Deny", evidence);
    const access = accountProperty(audited, "publicNetworkAccess");
    if (publicEndpointClosed(access.actual)) {
      return pass("public network access is disabled, so the firewall default does not apply", evidence, access);
    }
    return fail(`firewall default action is ${String(evidence.actual ?? "Allow (not set)")}`, evidence);
  },
});

export const trustedServicesBypassRule = storageAccountRule({
  id: "storage.trusted-services-bypass",
  title: "Trusted Microsoft services may bypass the firewall",
  severity: "low",
  rationale:
    "Backup, Monitor, Event Grid and similar services reach a firewalled account only through this bypass; without it people open the firewall instead. Absent means AzureServices (the ARM default).",
  remediation: "az storage account update -g <group> -n <account> --bypass AzureServices",
  references: {
    cis: ["9.3.5"],
    azurePolicy: ["c9d007d0-c057-4772-b18c-01e546713bcd"],
    prowler: ["storage_ensure_azure_services_are_trusted_to_access_is_enabled"],
  },
  check: (audited) => {
    const evidence = { ...accountProperty(audited, "networkAcls.bypass"), expected: "contains AzureServices" };
    const defaultAction = accountProperty(audited, "networkAcls.defaultAction");
    if (defaultAction.actual !== "Deny")
      return notApplicable("the firewall allows all traffic, nothing to bypass", defaultAction);
    if (evidence.actual === undefined || evidence.actual === null)
      return pass("bypass defaults to AzureServices", evidence);
    const entries = String(evidence.actual)
      .split(",")
      .map((entry) => entry.trim());
    return entries.includes("AzureServices")
      ? pass(`bypass is ${String(evidence.actual)}`, evidence)
      : fail(`bypass is ${String(evidence.actual)}`, evidence);
  },
});

interface PrivateEndpointConnection {
  readonly name?: unknown;
  readonly properties?: { readonly privateLinkServiceConnectionState?: { readonly status?: unknown } };
}

export const privateEndpointRule = storageAccountRule({
  id: "storage.private-endpoint",
  title: "An approved private endpoint connection exists (private network mode)",
  severity: "medium",
  rationale:
    "In `private` network mode the account is only reachable through a private endpoint. A Pending or Rejected connection carries no traffic, so only Approved ones count (Prowler counts any).",
  remediation:
    "Create a private endpoint for the blob sub-resource and approve it: az network private-endpoint-connection approve --id <connection-id>",
  references: {
    cis: ["9.3.2.1"],
    azurePolicy: ["6edd7eda-6dd8-40f7-810d-67160c639cd9"],
    prowler: ["storage_ensure_private_endpoints_in_storage_accounts"],
  },
  check: (audited, context) => {
    const raw = valueAt(audited.resource, "properties.privateEndpointConnections");
    const connections: PrivateEndpointConnection[] = Array.isArray(raw) ? raw : [];
    const evidence = connections.map((connection, index) => ({
      path: `properties.privateEndpointConnections[${index}].properties.privateLinkServiceConnectionState.status`,
      actual: connection.properties?.privateLinkServiceConnectionState?.status,
      expected: "Approved",
    }));
    if (context.network !== "private") {
      return notApplicable("this environment uses selected networks, private endpoints are optional", ...evidence);
    }
    if (evidence.some((item) => item.actual === "Approved"))
      return pass("an approved private endpoint exists", ...evidence);
    return fail(
      connections.length === 0 ? "no private endpoint connections" : "no private endpoint connection is Approved",
      ...(evidence.length > 0
        ? evidence
        : [{ path: "properties.privateEndpointConnections", actual: raw, expected: "an Approved connection" }]),
    );
  },
});
