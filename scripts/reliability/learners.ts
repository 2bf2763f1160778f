import { freshDatabase } from "../bench/bench-database";
import { signIn } from "../bench/server";
import { Tab } from "./tabs";

const PASSWORD = "reliability-password";

export interface Learner {
  id: string;
  email: string;
  /** The learner's cards; its first tab studies the first 7, its second the last 7 (4 shared). */
  cards: string[];
}

/**
 * A fresh database with the real content and `count` learners, made through the app's own
 * createUser (as scripts/bench does). Sets DATABASE_URL, so call it before anything opens lib/db.
 */
export async function prepareDatabase(
  name: string,
  count: number,
): Promise<{ url: string; learners: Learner[] }> {
  const url = await freshDatabase(`reliability-${name}`);
  process.env.DATABASE_URL = url;
  const { seedDatabase } = await import("@/lib/seed");
  const { createUser } = await import("@/lib/data/users");
  const { db } = await import("@/lib/db");
  await seedDatabase({ demo: false, url });
  const cards = (
    await db.card.findMany({ where: { retired: false }, orderBy: [{ deckSlug: "asc" }, { position: "asc" }] })
  ).map((card) => card.id);
  const learners: Learner[] = [];
  for (let i = 0; i < count; i++) {
    const email = `learner${i}@reliability.example`;
    const user = await createUser({ name: `Learner ${i}`, email, password: PASSWORD, role: "learner" });
    const own = Array.from({ length: 10 }, (_, j) => cards[(i * 10 + j) % cards.length] as string);
    learners.push({ id: user.id, email, cards: own });
  }
  await db.$disconnect();
  return { url, learners };
}

/** Signs every learner in through next-auth (scripts/bench `signIn`) and opens two tabs each. */
export async function openTabs(baseUrl: string, learners: Learner[]): Promise<Tab[]> {
  const cookies: string[] = [];
  // A few at a time: each sign-in is an argon2 verification on the server.
  for (let i = 0; i < learners.length; i += 5) {
    const batch = learners.slice(i, i + 5);
    cookies.push(...(await Promise.all(batch.map((learner) => signIn(baseUrl, learner.email, PASSWORD)))));
  }
  return learners.flatMap((learner, i) => [
    new Tab(learner.id, cookies[i] as string, learner.cards.slice(0, 7)),
    new Tab(learner.id, cookies[i] as string, learner.cards.slice(3, 10)),
  ]);
}
