/**
 * The two Azure SDK clients whose packages point Node at CommonJS (@azure/arm-locks 2.1 and
 * @azure/arm-authorization 9.0, the latest releases), taken from the ES module builds the packages ship beside it.
 *
 * Their CommonJS entry `require`s the CommonJS copies of @azure/core-client, @azure/core-rest-pipeline and
 * @azure/logger, while every other client imports the ES module copies: each process would load a second pipeline
 * stack (about 80 modules, about 100 ms) and hold a second @azure/logger, which the redacting log sink and
 * `--verbose` never reach, so lock and role-assignment requests went unlogged. The ES module builds import the same
 * copies as every other client. They use extensionless relative imports, which tsx (it runs every entry point) and
 * vitest resolve.
 */

export { AuthorizationManagementClient } from "@azure/arm-authorization/dist-esm/src/index.js";
export { ManagementLockClient } from "@azure/arm-locks/dist-esm/src/index.js";
