import { createHash } from "node:crypto";

/**
 * An integer in [min, max] fixed by (seed, key). Keyed rather than sequential, so the same requests draw the same
 * values whatever order concurrent requests arrive in: a run is reproducible from its seed.
 */
export function seededBetween(seed: number, key: string, min: number, max: number): number {
  const unit = createHash("sha256").update(`${seed}|${key}`).digest().readUInt32BE(0) / 2 ** 32;
  return Math.round(min + (max - min) * unit);
}
