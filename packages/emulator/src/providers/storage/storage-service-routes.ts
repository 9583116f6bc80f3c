import { type ArmContext, ArmError, type ArmRoute } from "../../arm/contract.ts";
import {
  checkFileServiceFeatures,
  type DataService,
  dataServiceId,
  dataServiceView,
  writeDataService,
} from "./data-services.ts";
import { buildManagementPolicy, checkPolicyName, managementPolicyId } from "./management-policy.ts";
import { ACCOUNT, requireAccount } from "./storage-scope.ts";

/** Only the `default` service exists; any other name is the service's 400. */
function checkServiceName(ctx: ArmContext, service: DataService): void {
  const name = String(ctx.params.serviceName);
  if (name.toLowerCase() !== "default") {
    throw new ArmError(
      400,
      "InvalidResourceName",
      `The resource name '${name}' is invalid for ${service}; it must be 'default'.`,
    );
  }
}

function dataServiceRoutes(service: DataService): ArmRoute[] {
  const action = `Microsoft.Storage/storageAccounts/${service}`;
  return [
    {
      method: "GET",
      pattern: `${ACCOUNT}/${service}`,
      action: `${action}/read`,
      handle(ctx) {
        const account = requireAccount(ctx);
        const stored = ctx.store.get(dataServiceId(account.id, service));
        return { status: 200, body: { value: [dataServiceView(account, service, stored, ctx.apiVersion)] } };
      },
    },
    {
      method: "GET",
      pattern: `${ACCOUNT}/${service}/{serviceName}`,
      action: `${action}/read`,
      handle(ctx) {
        checkServiceName(ctx, service);
        const account = requireAccount(ctx);
        const stored = ctx.store.get(dataServiceId(account.id, service));
        return { status: 200, body: dataServiceView(account, service, stored, ctx.apiVersion) };
      },
    },
    {
      method: "PUT",
      pattern: `${ACCOUNT}/${service}/{serviceName}`,
      action: `${action}/write`,
      handle(ctx) {
        checkServiceName(ctx, service);
        const account = requireAccount(ctx);
        if (service === "fileServices") checkFileServiceFeatures(ctx.body, account);
        const stored = ctx.store.get(dataServiceId(account.id, service));
        const { record, echoed } = writeDataService(account.id, service, stored, ctx.body);
        ctx.store.put(record);
        // The service answers with what was sent, not the merged settings (a GET shows those).
        return { status: 200, body: { id: record.id, name: record.name, type: record.type, properties: echoed } };
      },
    },
  ];
}

const POLICY = `${ACCOUNT}/managementPolicies/{managementPolicyName}`;
const POLICY_ACTION = "Microsoft.Storage/storageAccounts/managementPolicies";

const managementPolicyRoutes: ArmRoute[] = [
  {
    method: "GET",
    pattern: POLICY,
    action: `${POLICY_ACTION}/read`,
    handle(ctx) {
      checkPolicyName(String(ctx.params.managementPolicyName));
      const account = requireAccount(ctx);
      const policy = ctx.store.get(managementPolicyId(account.id));
      if (!policy) {
        throw new ArmError(404, "ManagementPolicyNotFound", `No ManagementPolicy found for account ${account.name}`);
      }
      return { status: 200, body: policy };
    },
  },
  {
    method: "PUT",
    pattern: POLICY,
    action: `${POLICY_ACTION}/write`,
    handle(ctx) {
      checkPolicyName(String(ctx.params.managementPolicyName));
      const account = requireAccount(ctx);
      const policy = buildManagementPolicy(account.id, ctx.body, new Date());
      ctx.store.put(policy);
      return { status: 200, body: policy };
    },
  },
  {
    method: "DELETE",
    pattern: POLICY,
    action: `${POLICY_ACTION}/delete`,
    handle(ctx) {
      checkPolicyName(String(ctx.params.managementPolicyName));
      const account = requireAccount(ctx);
      return { status: ctx.store.delete(managementPolicyId(account.id)) ? 200 : 204 };
    },
  },
];

export const storageServiceRoutes: ArmRoute[] = [
  ...dataServiceRoutes("blobServices"),
  ...dataServiceRoutes("fileServices"),
  ...managementPolicyRoutes,
];
