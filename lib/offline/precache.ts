/** What the service worker's precache needs of Next's `.next/build-manifest.json`. */
export interface BuildManifest {
  pages: Record<string, string[]>;
  rootMainFiles: string[];
  polyfillFiles: string[];
}

/**
 * The client chunks of the Pages Router's own `_app` and `_error`. Next builds them because of
 * pages/api/reviews.ts, an API route with no page, so no page of the app ever loads them (about
 * 340 KB), and they stay out of the precache every learner downloads. Chunks the app's pages
 * share (Turbopack's runtime, the polyfills) stay in.
 */
export function pagesRouterOnlyChunks(manifest: BuildManifest): Set<string> {
  const shared = new Set([...manifest.rootMainFiles, ...manifest.polyfillFiles]);
  return new Set(
    Object.values(manifest.pages)
      .flat()
      .filter((file) => !shared.has(file)),
  );
}

/** Precache entries without the given build files (entries are named from the project folder). */
export function withoutFiles<T extends { url: string }>(entries: T[], files: Set<string>): T[] {
  return entries.filter((entry) => {
    const at = entry.url.indexOf("static/");
    return at < 0 || !files.has(entry.url.slice(at));
  });
}
