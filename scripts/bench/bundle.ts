import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

interface RouteStats {
  route: string;
  firstLoadChunkPaths: string[];
}

/** Gzipped first-load JavaScript per route, from the production build's own bundle report. */
export function firstLoadJs(routes: string[]): Array<{ route: string; gzipKiB: number }> {
  const stats = JSON.parse(readFileSync(".next/diagnostics/route-bundle-stats.json", "utf8")) as RouteStats[];
  return routes.map((route) => {
    const entry = stats.find((s) => s.route === route);
    if (!entry) throw new Error(`No bundle stats for ${route}; run npm run build first`);
    const bytes = entry.firstLoadChunkPaths.reduce(
      (sum, file) => sum + gzipSync(readFileSync(file)).length,
      0,
    );
    return { route, gzipKiB: bytes / 1024 };
  });
}
