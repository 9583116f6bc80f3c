import type { ArmProvider } from "../arm/contract.ts";
import { msiProvider } from "./msi/index.ts";
import { storageProvider } from "./storage/index.ts";

/** Every resource provider the emulator serves beyond the core (Resources, Authorization). */
export const providers: ArmProvider[] = [storageProvider, msiProvider];
