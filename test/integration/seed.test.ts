import { describe, expect, it } from "vitest";
import { loadContentFromDisk } from "@/lib/content/load";
import { db } from "@/lib/db";
import { REVERSE_SUFFIX, seedContent } from "@/lib/seed/content";

describe("seeding content", () => {
  it("loads every deck, is idempotent, and retires what left the content without deleting it", async () => {
    const content = await loadContentFromDisk();
    expect(content.errors).toEqual([]);
    const first = await seedContent(db, content);
    const counts = async () => [await db.deck.count(), await db.card.count(), await db.quizItem.count()];
    const afterFirst = await counts();
    await seedContent(db, content);
    expect(await counts()).toEqual(afterFirst);
    expect(first.decks).toBe(content.decks.length);

    const [deck] = content.decks;
    const trimmed = {
      ...content,
      decks: [{ ...deck!, cards: deck!.cards.slice(1) }, ...content.decks.slice(1)],
    };
    const removed = deck!.cards[0]!.id;
    const result = await seedContent(db, trimmed);
    expect(result.retired).toBeGreaterThanOrEqual(1);
    expect(await db.card.findUniqueOrThrow({ where: { id: removed } })).toMatchObject({ retired: true });

    await seedContent(db, content);
    expect(await db.card.findUniqueOrThrow({ where: { id: removed } })).toMatchObject({ retired: false });
  });

  it("studies a reversed card both ways, the mirror with the answer side first", async () => {
    const content = await loadContentFromDisk();
    await seedContent(db, content);
    const reversed = content.decks.flatMap((d) => d.cards).find((c) => c.kind === "reversed");
    expect(reversed).toBeDefined();
    const mirror = await db.card.findUniqueOrThrow({ where: { id: `${reversed!.id}${REVERSE_SUFFIX}` } });
    expect(mirror).toMatchObject({ kind: "reverse", front: reversed!.back, back: reversed!.front });
  });
});
