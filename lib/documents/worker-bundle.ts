import { mkdir, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const root = () => /* turbopackIgnore: true */ process.cwd();

/** Where the worker bundle is written: lib/generated/ is build output (git- and lint-ignored). */
export function documentWorkerPath(): string {
  return path.join(root(), "lib", "generated", "document.worker.mjs");
}

/**
 * The worker as one ES module: lib/documents/worker-entry.ts and the lib/ code it uses, with npm
 * packages left as imports. esbuild is always installed where the app runs (tsx, which starts
 * it, depends on it). It is required from the project root at run time, which keeps it out of
 * Turbopack's server bundle and works from CommonJS and ES modules alike.
 */
export async function documentWorkerBundle(): Promise<string> {
  const { build } = createRequire(path.join(root(), "package.json"))("esbuild") as typeof import("esbuild");
  const result = await build({
    entryPoints: [path.join(root(), "lib", "documents", "worker-entry.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    write: false,
    legalComments: "none",
    banner: {
      js: "// Built by lib/documents/worker-bundle.ts from lib/documents/worker-entry.ts. Do not edit.",
    },
  });
  return result.outputFiles[0]?.text ?? "";
}

let built: Promise<string> | null = null;

/**
 * Builds the worker once per process, from the sources as they are now, so it can never lag
 * behind lib/ (about 0.1 s). Written to a temporary name and renamed: servers starting side by
 * side never load a half-written file.
 */
export function ensureDocumentWorker(): Promise<string> {
  built ??= (async () => {
    const target = documentWorkerPath();
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, await documentWorkerBundle());
    await rename(temporary, target);
    return target;
  })().catch((error: unknown) => {
    built = null;
    throw error;
  });
  return built;
}
