import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file: migrations run through the wasm schema engine
// (scripts/db/engine.ts), so no native engine is ever downloaded.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
