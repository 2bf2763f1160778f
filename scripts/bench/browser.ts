import { performance } from "node:perf_hooks";
import { percentiles } from "./stats";
import { insertBenchDeck, insertHistory } from "./synthetic-history";

/**
 * The card browser over 20,000 cards with 100,000 review logs (server time, in process): a mix of
 * what a learner does, a page of everything, a text search, filters and sorts, a late page.
 */
export async function benchBrowser(url: string) {
  const { createUser } = await import("@/lib/data/users");
  const { browseCards } = await import("@/lib/data/card-browser");
  const { cardBrowserQuerySchema } = await import("@/lib/validations/card-browser");
  const { db } = await import("@/lib/db");
  const user = await createUser({
    name: "Bench",
    email: "browser@bench.example",
    password: "bench-password",
    role: "learner",
  });
  const now = new Date();
  const cards = await insertBenchDeck(url, "browse", 20_000);
  // Every other card started (ten answers each), so filters on state, due and lapses have rows to find.
  await insertHistory(
    url,
    user.id,
    cards.filter((_, i) => i % 2 === 0),
    10,
    now,
  );
  const queries = [
    {},
    { q: "Front 1234" },
    { q: "back 99" },
    { state: "review", sort: "due" },
    { deck: "browse", sort: "due", dir: "desc" },
    { state: "new", sort: "front" },
    { due: "week", sort: "lapses", dir: "desc" },
    { lapses: "1" },
    { page: "300" },
    { evidence: "background", sort: "state", page: "50" },
  ].map((raw) => cardBrowserQuerySchema.parse(raw));
  const samples: number[] = [];
  let matched = 0;
  for (let round = 0; round < 12; round++) {
    for (const query of queries) {
      const start = performance.now();
      const page = await browseCards(user.id, query, now);
      // The first two rounds warm the statement caches; they are not counted.
      if (round >= 2) samples.push(performance.now() - start);
      matched += page.cards.length;
    }
  }
  await db.$disconnect();
  return {
    ...percentiles(samples),
    cards: cards.length,
    logs: (cards.length / 2) * 10,
    queries: queries.length,
    matched,
  };
}
