import { loadContentFromDisk } from "../content/load";
import { databaseUrl } from "../database-url";
import { createPrismaClient } from "../db";
import { applyMigrations } from "../migrations";
import { configureSqlite } from "../sqlite-pragmas";
import { seedContent } from "./content";
import { seedDemoAccounts } from "./demo";

/** Migrates, then loads content (and demo accounts when asked). Safe to run on every start. */
export async function seedDatabase({ demo, url = databaseUrl() }: { demo: boolean; url?: string }) {
  configureSqlite(url);
  const applied = await applyMigrations(url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const db = createPrismaClient(url);
  try {
    const result = await seedContent(db, await loadContentFromDisk());
    console.log(
      `Content loaded: ${result.decks} decks, ${result.cards} cards, ${result.quizItems} quiz items from ${result.documents} documents` +
        (result.retired ? ` (${result.retired} retired)` : ""),
    );
    if (demo) {
      const created = await seedDemoAccounts(db);
      if (created) console.log(`Created ${created} demo accounts.`);
    }
  } finally {
    await db.$disconnect();
  }
}
