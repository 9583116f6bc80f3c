import { defineEnvironment } from "../src/environment-schema.ts";

// Targets the emulator's default seed (`pnpm run emulator`): subscription 1 of tenant c0ffee00-..., region westeurope.
// The principal given blob data access is the seed's workload identity.
export default defineEnvironment({
  name: "local",
  description: "The local emulator: run `pnpm run demo`, or `pnpm run emulator` and point the scripts at it.",
  subscriptionId: "11111111-0000-4000-8000-000000000001",
  location: "westeurope",
  namingPrefix: "loc",
  tags: { owner: "platform-team", "cost-center": "demo" },
  requiredTags: ["owner", "cost-center"],
  resourceGroups: [{ name: "rg-loc-app" }, { name: "rg-loc-data" }],
  storage: {
    accounts: [
      {
        name: "locappassets",
        resourceGroup: "rg-loc-app",
        containers: [{ name: "images" }, { name: "downloads" }],
        roleAssignments: [
          { principalId: "0b500000-0000-4000-8000-000000000004", role: "Storage Blob Data Contributor" },
        ],
      },
      {
        name: "locdatalake",
        resourceGroup: "rg-loc-data",
        sku: "Standard_GZRS",
        containers: [{ name: "raw" }, { name: "curated" }],
        lifecycle: { tierToCoolAfterDays: 30, deleteAfterDays: 365 },
      },
      {
        name: "locdatabackup",
        resourceGroup: "rg-loc-data",
        softDeleteDays: 30,
        containers: [{ name: "nightly" }],
        roleAssignments: [{ principalId: "0b500000-0000-4000-8000-000000000004", role: "Storage Blob Data Reader" }],
      },
    ],
  },
  managedIdentities: {
    identities: [
      { name: "id-loc-app", resourceGroup: "rg-loc-app" },
      { name: "id-loc-ingest", resourceGroup: "rg-loc-data", tags: { workload: "ingest" } },
    ],
  },
});
