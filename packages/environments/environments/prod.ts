import { defineEnvironment } from "../src/environment-schema.ts";

// Production: protected (provision and destroy need the name typed, or --confirm-env prod in CI), locked groups,
// geo-redundant storage. No subscriptionId: it comes from AZURE_SUBSCRIPTION_ID (the GitHub environment's variable).
export default defineEnvironment({
  name: "prod",
  location: "westeurope",
  allowedLocations: ["westeurope", "northeurope"],
  namingPrefix: "prd",
  protected: true,
  tags: { owner: "platform-team", "cost-center": "operations", criticality: "high" },
  requiredTags: ["owner", "cost-center", "criticality"],
  resourceGroups: [{ name: "rg-prd-app", lock: "CanNotDelete" }],
  storage: {
    accounts: [
      {
        name: "prdappassets",
        resourceGroup: "rg-prd-app",
        sku: "Standard_GZRS",
        softDeleteDays: 30,
        containers: [{ name: "images" }],
      },
    ],
  },
});
