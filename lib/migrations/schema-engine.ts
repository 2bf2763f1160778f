import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

type Runtime = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
// Kept on globalThis: a test runner may load this module twice in one process, but the glue
// module underneath is Node's single copy and must be bound to one wasm instance only.
const shared = globalThis as unknown as { retainSchemaEngineRuntime?: Promise<Runtime> };

/**
 * The Prisma schema engine compiled to WebAssembly, driven through a driver adapter.
 * The native engine would be downloaded at run time, which these machines cannot do;
 * this one ships inside an npm package and writes the same `_prisma_migrations` history.
 */
export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaPath: string,
): Promise<SchemaEngine> {
  shared.retainSchemaEngineRuntime ??= loadRuntime();
  const engineRuntime = await shared.retainSchemaEngineRuntime;
  const schema = await readFile(schemaPath, "utf8");
  const log = (message: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(message);
  };
  return engineRuntime.SchemaEngine.new(
    { datamodels: [[path.basename(schemaPath), schema]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}

/** Instantiated once per process: the JS glue keeps module-level state bound to one instance. */
async function loadRuntime(): Promise<Runtime> {
  installPanicRegistry();
  // Resolved from the project root: this module runs both as CommonJS (tsx) and as ESM (Vitest).
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(path.dirname(glue), "schema_engine_bg.wasm");
  // Node will not import a .wasm file directly, so the module is instantiated by hand.
  const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    "./schema_engine_bg.js": bindings,
  });
  const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
  bindings.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  return bindings;
}

/** The wasm engine reports a Rust panic through this global; keep the message for the error. */
function installPanicRegistry() {
  const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  registry.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message) {
      console.error(`Prisma schema engine panicked: ${message}`);
    },
  };
}
