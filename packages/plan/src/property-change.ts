/** One differing property: dotted wire path, live value (undefined when unset) and desired value. */
export interface PropertyChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}
