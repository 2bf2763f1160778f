import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native modules stay outside the server bundle and load from node_modules.
  serverExternalPackages: [
    "@node-rs/argon2",
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@open-spaced-repetition/binding",
  ],
};

export default nextConfig;
