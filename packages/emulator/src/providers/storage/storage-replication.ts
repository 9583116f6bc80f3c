/** Geo-redundant SKUs keep a copy in the region's pair; the RA- variants also expose it for reads. */
export function isGeoRedundant(skuName: string): boolean {
  return /_(RA)?G(Z)?RS$/i.test(skuName);
}

export function isReadAccessGeoRedundant(skuName: string): boolean {
  return /_RAG(Z)?RS$/i.test(skuName);
}

/** Azure region pairs for the regions the emulator offers; others pair with eastus for want of a better answer. */
const REGION_PAIRS: Record<string, string> = {
  eastus: "westus",
  westus: "eastus",
  eastus2: "centralus",
  centralus: "eastus2",
  westus2: "westcentralus",
  westcentralus: "westus2",
  westus3: "eastus",
  northcentralus: "southcentralus",
  southcentralus: "northcentralus",
  northeurope: "westeurope",
  westeurope: "northeurope",
  uksouth: "ukwest",
  ukwest: "uksouth",
  francecentral: "francesouth",
  germanywestcentral: "germanynorth",
  swedencentral: "swedensouth",
  switzerlandnorth: "switzerlandwest",
  norwayeast: "norwaywest",
  australiaeast: "australiasoutheast",
  japaneast: "japanwest",
  southeastasia: "eastasia",
  eastasia: "southeastasia",
  canadacentral: "canadaeast",
  brazilsouth: "southcentralus",
  centralindia: "southindia",
};

export function pairedRegion(location: string): string {
  return REGION_PAIRS[location] ?? "eastus";
}

/** `sku.tier` is derived from the name: `Premium_LRS` -> Premium, everything else Standard. */
export function skuTier(skuName: string): "Standard" | "Premium" {
  return skuName.toLowerCase().startsWith("premium") ? "Premium" : "Standard";
}
