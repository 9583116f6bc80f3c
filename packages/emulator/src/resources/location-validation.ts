import { ArmError, type EmulatorConfig } from "../arm/contract.ts";

/** Normalises `West Europe` -> `westeurope` and rejects locations the emulator does not offer. */
export function validateLocation(config: EmulatorConfig, location: unknown, resourceType: string): string {
  if (typeof location !== "string" || location.length === 0) {
    throw new ArmError(400, "LocationRequired", "The location property is required for this definition.");
  }
  const normalized = location.replaceAll(" ", "").toLowerCase();
  if (!config.locations.includes(normalized)) {
    throw new ArmError(
      400,
      "LocationNotAvailableForResourceType",
      `The provided location '${location}' is not available for resource type '${resourceType}'. List of available regions for the resource type is '${config.locations.join(",")}'.`,
    );
  }
  return normalized;
}
