// The minimal route's build (see app/api/reviews/route.js). scripts/bench/side-by-side.ts copies
// this folder into a temp dir next to a link to the project's node_modules and builds it there.
export default {
  serverExternalPackages: ["better-sqlite3"],
  // The temp dir's node_modules is a link into the project: let Turbopack follow it.
  turbopack: { root: "/" },
};
