import { type ArmContext, ArmError, type ArmRoute } from "../../arm/contract.ts";
import {
  CONTAINER_TYPE,
  checkPublicAccessAllowed,
  containerId,
  containerListItem,
  containerView,
  validateContainerName,
  writeContainer,
} from "./blob-container.ts";
import { checkNoActiveLease, LEASE_FIELD, leaseAction, storedLease, withLeaseState } from "./container-lease.ts";
import { dataServiceId } from "./data-services.ts";
import { ACCOUNT, requireAccount } from "./storage-scope.ts";

const CONTAINERS = `${ACCOUNT}/blobServices/default/containers`;
const CONTAINER = `${CONTAINERS}/{containerName}`;
const ACTION = "Microsoft.Storage/storageAccounts/blobServices/containers";

function containerNotFound(): ArmError {
  return new ArmError(404, "ContainerNotFound", "The specified container does not exist.");
}

function write(ctx: ArmContext, mode: "put" | "patch") {
  const account = requireAccount(ctx);
  const name = String(ctx.params.containerName);
  validateContainerName(name);
  const id = containerId(account.id, name);
  const existing = ctx.store.get(id);
  if (mode === "patch" && !existing) throw containerNotFound();
  // Create never replaces: the service refuses an existing name (updates go through PATCH).
  if (mode === "put" && existing) {
    throw new ArmError(409, "ContainerAlreadyExists", "The specified container already exists.");
  }
  const { record, response, given } = writeContainer(account.id, name, existing, ctx.body, mode, new Date());
  checkPublicAccessAllowed(given, account);
  // Settings do not touch the lease: a PATCH of metadata keeps whoever holds it.
  const lease = storedLease(existing);
  ctx.store.put(lease ? { ...record, [LEASE_FIELD]: lease } : record);
  return { status: mode === "put" ? 201 : 200, body: response };
}

export const blobContainerRoutes: ArmRoute[] = [
  {
    method: "GET",
    pattern: CONTAINERS,
    action: `${ACTION}/read`,
    handle(ctx) {
      const account = requireAccount(ctx);
      return ctx.page({ scope: dataServiceId(account.id, "blobServices"), type: CONTAINER_TYPE }, (record) =>
        containerListItem(withLeaseState(record)),
      );
    },
  },
  {
    method: "GET",
    pattern: CONTAINER,
    action: `${ACTION}/read`,
    handle(ctx) {
      const account = requireAccount(ctx);
      const container = ctx.store.get(containerId(account.id, String(ctx.params.containerName)));
      if (!container) throw containerNotFound();
      return { status: 200, body: containerView(withLeaseState(container)) };
    },
  },
  { method: "PUT", pattern: CONTAINER, action: `${ACTION}/write`, handle: (ctx) => write(ctx, "put") },
  { method: "PATCH", pattern: CONTAINER, action: `${ACTION}/write`, handle: (ctx) => write(ctx, "patch") },
  {
    method: "DELETE",
    pattern: CONTAINER,
    action: `${ACTION}/delete`,
    handle(ctx) {
      const account = requireAccount(ctx);
      const id = containerId(account.id, String(ctx.params.containerName));
      const existing = ctx.store.get(id);
      if (existing) checkNoActiveLease(existing);
      return { status: ctx.store.delete(id) ? 200 : 204 };
    },
  },
  {
    method: "POST",
    pattern: `${CONTAINER}/lease`,
    action: `${ACTION}/lease/action`,
    handle(ctx) {
      const account = requireAccount(ctx);
      const container = ctx.store.get(containerId(account.id, String(ctx.params.containerName)));
      if (!container) throw containerNotFound();
      const { lease, body } = leaseAction(storedLease(container), ctx.body);
      const { [LEASE_FIELD]: _old, ...rest } = container;
      ctx.store.put(lease ? { ...rest, [LEASE_FIELD]: lease } : (rest as typeof container));
      return { status: 200, body };
    },
  },
];
