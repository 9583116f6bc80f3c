import { defineEnvironment } from "../src/environment-schema.ts";

// A development subscription. No subscriptionId: it comes from AZURE_SUBSCRIPTION_ID or `az account show`.
export default defineEnvironment({
  name: "dev",
  location: "westeurope",
  namingPrefix: "dev",
  tags: { owner: "platform-team", "cost-center": "engineering" },
  requiredTags: ["owner", "cost-center"],
  resourceGroups: [{ name: "rg-dev-app" }],
  storage: {
    accounts: [{ name: "devappassets", resourceGroup: "rg-dev-app", containers: [{ name: "images" }] }],
  },
});
