import { withSerwist } from "@serwist/turbopack";
import type { NextConfig } from "next";
import { apiHeaderRules } from "./lib/security/headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The one Pages Router API route (pages/api/reviews.ts) is bundled like the app's routes, so
  // that "server-only" resolves as it does there and its packages are the ones the app uses.
  bundlePagesRouterDependencies: true,
  // Security headers of API responses; pages get theirs, with a CSP nonce, from proxy.ts.
  headers: async () => apiHeaderRules(),
  // Card imports upload files of up to 5 MB through a server action (default limit 1 MB); multipart adds a little.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  // Native modules stay outside the server bundle and load from node_modules.
  serverExternalPackages: [
    "@node-rs/argon2",
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@open-spaced-repetition/binding",
    "pg-boss",
    "nodemailer",
  ],
};

// Serwist bundles the service worker with esbuild inside the route handler: kept external too.
export default withSerwist(nextConfig);
