/**
 * A wire property with no mapping to the arm-storage model. The SDK drops what it does not know without a word, so an
 * unknown property must stop the write instead of being lost (docs/azure-behaviour.md).
 */
export class UnmappedPropertyError extends Error {
  readonly path: string;

  constructor(path: string) {
    super(`${path} has no mapping to the @azure/arm-storage model; add it to account-model.ts before provisioning it`);
    this.name = "UnmappedPropertyError";
    this.path = path;
  }
}
