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
    reviews: async () => (await import("./reviews")).benchReviewSubmit,
    "next-card": async () => (await import("./next-card")).benchNextCard,
    trainer: async () => (await import("./trainer")).benchTrainerDashboard,
    "sign-in": async () => (await import("./sign-in-timing")).benchSignInTiming,
  };
  const load = benches[name];
  if (!load) throw new Error(`Unknown benchmark "${name}"; known: ${Object.keys(benches).join(", ")}`);
  const url = await freshDatabase(name);
  process.env.DATABASE_URL = url;
  const bench = await load();
  console.log(JSON.stringify(await bench(url)));
  process.exit(0);
});
