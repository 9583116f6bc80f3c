export { isArmResource } from "./arm-resource-shape.ts";
export { auditClientOptions } from "./audit-client-options.ts";
export { mapConcurrent } from "./map-concurrent.ts";
export type { ReadFailure } from "./read-failure.ts";
export { describeReadFailure, isAbortError, readRelated, unreadableFindings } from "./read-failure.ts";
export { extensionScope, scopeContains } from "./scope-contains.ts";
