// Stands in for the `server-only` guard when the data layer runs under Vitest.
export {};
