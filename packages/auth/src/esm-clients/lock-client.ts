/**
 * `ManagementLockClient` from the ES module build @azure/arm-locks 2.1 ships beside its CommonJS entry. That entry
 * `require`s the CommonJS copies of @azure/core-client, @azure/core-rest-pipeline and @azure/logger, while every other
 * client imports the ES module copies: a process would load a second pipeline stack (about 80 modules, about 100 ms)
 * and hold a second @azure/logger, which the redacting log sink and `--verbose` never reach. The build uses
 * extensionless relative imports, which tsx (it runs every entry point) and vitest resolve. One client per module: a
 * process that needs only this one does not load the other package the same way.
 */
export { ManagementLockClient } from "@azure/arm-locks/dist-esm/src/index.js";
