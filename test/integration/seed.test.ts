import { describe, expect, it } from "vitest";
import { loadContentFromDisk } from "@/lib/content/load";
import { getDeck } from "@/lib/data/content";
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

  it("stores each item's source caveat, and every deck that includes a card teaches the one card", async () => {
    const content = await loadContentFromDisk();
    await seedContent(db, content);
    const withCaveat = content.decks.flatMap((d) => d.cards).find((c) => !c.retired && c.caveatText);
    expect(withCaveat).toBeDefined();
    expect(await db.card.findUniqueOrThrow({ where: { id: withCaveat!.id } })).toMatchObject({
      caveat: withCaveat!.caveatText,
    });
    // The deck page reads it with the card, to show it next to the evidence badge.
    const page = await getDeck(withCaveat!.deck);
    expect(page?.cards.find((c) => c.id === withCaveat!.id)?.caveat).toBe(withCaveat!.caveatText);
    const quiz = content.decks.flatMap((d) => d.quiz).find((q) => !q.retired && q.caveatText);
    expect((await db.quizItem.findUniqueOrThrow({ where: { id: quiz!.id } })).caveat).toBe(quiz!.caveatText);

    const includer = content.decks.find((d) => d.include.length > 0)!;
    const shared = includer.include[0]!;
    const owner = content.decks.find((d) => d.cards.some((c) => c.id === shared))!;
    const decksOf = async (cardId: string) =>
      (await db.deckCard.findMany({ where: { cardId }, orderBy: { deckSlug: "asc" } })).map(
        (m) => m.deckSlug,
      );
    expect(await decksOf(shared)).toEqual([includer.slug, owner.slug].sort());
    // One card row, however many decks show it: progress hangs on that one id.
    expect(await db.card.count({ where: { id: shared } })).toBe(1);
    const members = await db.deckCard.findMany({
      where: { deckSlug: includer.slug },
      orderBy: { position: "asc" },
    });
    expect(members.map((m) => m.position)).toEqual(members.map((_, i) => i));

    // Dropping the include removes that deck's row on the next seed; the card keeps its own deck.
    const without = {
      ...content,
      decks: content.decks.map((d) => (d.slug === includer.slug ? { ...d, include: d.include.slice(1) } : d)),
    };
    await seedContent(db, without);
    expect(await decksOf(shared)).toEqual([owner.slug]);
  });
});
