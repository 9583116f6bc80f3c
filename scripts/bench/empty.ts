// Nothing: `pnpm bench` times the tsx loader starting on a TypeScript file with no imports.
export {};
