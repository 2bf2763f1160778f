import { readFileSync } from "node:fs";
import path from "node:path";
import { createSerwistRoute } from "@serwist/turbopack";
import { type BuildManifest, pagesRouterOnlyChunks, withoutFiles } from "@/lib/offline/precache";

type ManifestTransform = NonNullable<Parameters<typeof createSerwistRoute>[0]["manifestTransforms"]>[number];

/** Runs at build time, when Next has written the build manifest this reads. */
const skipPagesRouterChunks: ManifestTransform = async (entries) => {
  const manifest = JSON.parse(
    readFileSync(path.join(".next", "build-manifest.json"), "utf8"),
  ) as BuildManifest;
  return { manifest: withoutFiles(entries, pagesRouterOnlyChunks(manifest)), warnings: [] };
};

// The service worker (app/sw.ts), bundled by Serwist with esbuild at build time and served as
// /serwist/sw.js with `Service-Worker-Allowed: /`, so it can control every page. Its precache is
// the build's static files, less the Pages Router's own chunks (lib/offline/precache.ts).
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  useNativeEsbuild: true,
  manifestTransforms: [skipPagesRouterChunks],
});
