import { createSerwistRoute } from "@serwist/turbopack";

// The service worker (app/sw.ts), bundled by Serwist with esbuild at build time and served as
// /serwist/sw.js with `Service-Worker-Allowed: /`, so it can control every page.
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  useNativeEsbuild: true,
});
