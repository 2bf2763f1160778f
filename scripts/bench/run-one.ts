import { applyMigrations } from "@/lib/migrations";
import { closeQuery } from "@/lib/query";
import { createDatabase, DEFAULT_POSTGRES_ADMIN_URL, dropDatabase } from "@/lib/query/postgres-admin";
import { runScript } from "../run-script";
import { freshDatabase } from "./bench-database";

/**
 * Runs one benchmark in its own process, on its own fresh database: the app's database
 * clients are per-process singletons chosen by DATABASE_URL, so it is set before they load.
 * Prints the result as JSON on the last line for scripts/bench/index.ts.
 */
runScript(async () => {
  const name = process.argv[2] ?? "";
  const benches: Record<string, () => Promise<(url: string) => Promise<unknown>>> = {
    queue: async () => (await import("./queue")).benchQueue,
    "learner-stats": async () => (await import("./learner-stats")).benchLearnerStats,
    browser: async () => (await import("./browser")).benchBrowser,
    reviews: async () => (await import("./reviews")).benchReviewSubmit,
    optimizer: async () => (await import("./optimizer")).benchOptimizer,
    import: async () => (await import("./import")).benchImport,
    apkg: async () => (await import("./apkg")).benchApkg,
    "next-card": async () => (await import("./next-card")).benchNextCard,
    "author-paint": async () => (await import("./author-paint")).benchAuthorPaint,
    trainer: async () => (await import("./trainer")).benchTrainerDashboard,
    digest: async () => (await import("./digest")).benchDigest,
    "trainer-groups": async () => (await import("./trainer")).benchTrainerGroups,
    "sign-in": async () => (await import("./sign-in-timing")).benchSignInTiming,
    "side-by-side": async () => (await import("./side-by-side")).benchSideBySide,
    "scale-sqlite-1": async () => (await import("./scale-out")).benchScaleOut(1),
    "scale-postgresql-1": async () => (await import("./scale-out")).benchScaleOut(1),
    "scale-postgresql-2": async () => (await import("./scale-out")).benchScaleOut(2),
  };
  const load = benches[name];
  if (!load) throw new Error(`Unknown benchmark "${name}"; known: ${Object.keys(benches).join(", ")}`);
  const postgres = name.includes("postgresql");
  const server = process.env.BENCH_POSTGRES_URL || DEFAULT_POSTGRES_ADMIN_URL;
  const url = postgres ? await createDatabase(server, "retain_bench") : await freshDatabase(name);
  if (postgres) await applyMigrations(url);
  process.env.DATABASE_URL = url;
  try {
    const bench = await load();
    console.log(JSON.stringify(await bench(url)));
  } finally {
    if (postgres) {
      await closeQuery();
      await dropDatabase(url);
    }
  }
  process.exit(0);
});
