/**
 * `AuthorizationManagementClient` from the ES module build @azure/arm-authorization 9.0 ships beside its CommonJS
 * entry, for the reason `./lock-client.ts` gives: one SDK pipeline and one @azure/logger per process.
 */
export { AuthorizationManagementClient } from "@azure/arm-authorization/dist-esm/src/index.js";
