import { describe, expect, it } from "vitest";
import { loadContentFromDisk } from "@/lib/content/load";
import { getDeck } from "@/lib/data/content";
import { recordReview } from "@/lib/data/reviews";
import { getClientsTable } from "@/lib/data/trainer/dashboard";
import { db } from "@/lib/db";
import { parseSqlDate } from "@/lib/query/values";
import { REVERSE_SUFFIX, seedContent } from "@/lib/seed/content";
import { DEMO_ASSIGNED_DECK, seedDemoAccounts } from "@/lib/seed/demo";
import { DEFAULT_LEARNER_SETTINGS, type ReviewRating, replay } from "@/lib/srs";

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

describe("seeding the demo accounts", () => {
  const NOW = new Date(Date.UTC(2026, 2, 15, 9, 0, 0));

  it("gives the demo trainer two clients with a study history and an assignment, once", async () => {
    await seedContent(db, await loadContentFromDisk());
    expect(await seedDemoAccounts(db, NOW)).toBe(3);
    const trainer = await db.user.findUniqueOrThrow({ where: { email: "trainer@retain.example" } });
    const table = await getClientsTable(trainer.id, NOW);
    expect(table.rows.map((row) => row.name).sort()).toEqual(["Alex Learner", "Sam Learner"]);
    for (const row of table.rows) {
      expect(row.lastActive).not.toBeNull();
      expect(row.assignments?.map((a) => a.deckSlug) ?? [DEMO_ASSIGNED_DECK]).toEqual([DEMO_ASSIGNED_DECK]);
    }
    const assignments = await db.assignment.findMany({ where: { trainerId: trainer.id } });
    expect(assignments.map((a) => a.deckSlug)).toEqual([DEMO_ASSIGNED_DECK, DEMO_ASSIGNED_DECK]);

    // Each card's stored state is the replay of its log: the history is one the app could have written.
    const alex = await db.user.findUniqueOrThrow({ where: { email: "alex@retain.example" } });
    const states = await db.cardState.findMany({ where: { userId: alex.id } });
    expect(states.length).toBe(8);
    for (const state of states) {
      const logs = await db.reviewLog.findMany({
        where: { userId: alex.id, cardId: state.cardId },
        orderBy: { cardVersion: "asc" },
      });
      expect(logs.map((log) => log.cardVersion)).toEqual(logs.map((_, i) => i + 1));
      expect(state.version).toBe(logs.length);
      const replayed = replay(
        logs.map((log) => ({ rating: log.rating as ReviewRating, reviewedAt: log.reviewedAt })),
        logs[0]!.reviewedAt,
        DEFAULT_LEARNER_SETTINGS,
        `${alex.id}:${state.cardId}`,
      );
      expect(replayed.due.getTime()).toBe(parseSqlDate(state.due).getTime());
      expect(replayed.reps).toBe(state.reps);
      expect(replayed.stability).toBeCloseTo(state.stability, 9);
    }
    // The client can go on studying: the next answer continues from the stored version.
    const card = states[0]!;
    const next = await recordReview(
      alex.id,
      {
        idempotencyKey: "demo-next-answer",
        cardId: card.cardId,
        rating: 3,
        expectedVersion: card.version,
        answeredAt: NOW.getTime(),
        durationMs: 3000,
      },
      NOW,
    );
    expect(next).toMatchObject({ status: "recorded", version: card.version + 1 });

    // Seeding again (every `npm start`) adds nothing.
    const counts = async () => [
      await db.trainerClient.count(),
      await db.assignment.count(),
      await db.reviewLog.count(),
    ];
    const before = await counts();
    expect(await seedDemoAccounts(db, new Date(NOW.getTime() + 86_400_000))).toBe(0);
    expect(await counts()).toEqual(before);
  });
});
