import { randomUUID } from "node:crypto";
import { createUser } from "@/lib/data/users";
import { db } from "@/lib/db";
import { signUpSchema } from "@/lib/validations/user";

/** A fresh learner with default settings, except fuzz off so intervals are predictable. */
export async function createLearner(name = "Learner") {
  const user = await createUser(
    signUpSchema.parse({
      name,
      email: `${randomUUID()}@example.com`,
      password: "integration-password",
      role: "learner",
    }),
  );
  await db.studySettings.update({ where: { userId: user.id }, data: { enableFuzz: false } });
  return user;
}

/** A small deck written straight to the database (the content pipeline has its own tests). */
export async function createDeck(slug: string, cardCount: number) {
  await db.deck.create({ data: { slug, title: `Deck ${slug}`, description: "Test deck", position: 0 } });
  const ids = Array.from({ length: cardCount }, (_, i) => `${slug}-c${String(i + 1).padStart(2, "0")}`);
  await db.card.createMany({
    data: ids.map((id, position) => ({
      id,
      deckSlug: slug,
      kind: "basic",
      front: `Front of ${id}`,
      back: `Back of ${id}`,
      evidence: "background",
      sources: JSON.stringify([{ document: "doc", quote: "A quote of the source.", quoteId: "q1" }]),
      position,
    })),
  });
  // The app reads a deck's cards through DeckCard, as the seed and an import write them.
  await db.deckCard.createMany({
    data: ids.map((cardId, position) => ({ deckSlug: slug, cardId, position })),
  });
  return ids;
}

export const key = () => randomUUID();
