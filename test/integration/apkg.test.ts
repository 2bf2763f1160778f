import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { exportDeckPackage } from "@/lib/data/apkg/export";
import { importPackage, PackageRejectedError } from "@/lib/data/apkg/import";
import { createPersonalDeck, PERSONAL_LIMITS, PersonalLimitError } from "@/lib/data/personal-decks";
import { recordReview } from "@/lib/data/reviews";
import { db } from "@/lib/db";
import { APKG_LIMITS } from "@/lib/exchange/apkg/package-read.mjs";
import { ankiPackage, latestOnlyPackage } from "./anki-package-fixture";
import { createDeck, createLearner, key } from "./fixtures";

const T0 = new Date(Date.UTC(2026, 2, 1, 12));
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const upload = (bytes: Uint8Array, name = "deck.apkg") => ({
  name,
  size: bytes.byteLength,
  bytes: async () => new Uint8Array(bytes) as Uint8Array<ArrayBuffer>,
});

async function rowCounts() {
  return {
    decks: await db.deck.count(),
    cards: await db.card.count(),
    states: await db.cardState.count(),
    logs: await db.reviewLog.count(),
  };
}

async function review(userId: string, cardId: string, rating: number, at: Date) {
  const state = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
  await recordReview(
    userId,
    {
      idempotencyKey: key(),
      cardId,
      rating,
      expectedVersion: state?.version ?? 0,
      answeredAt: at.getTime(),
      durationMs: 4000,
    },
    at,
  );
}

const scheduleColumns = {
  state: true,
  due: true,
  stability: true,
  difficulty: true,
  reps: true,
  lapses: true,
  learningSteps: true,
  scheduledDays: true,
  lastReview: true,
} as const;

describe(".apkg export and import", () => {
  it("round-trips a deck: cards, reversed mirrors, cloze, and the schedule replayed from the history", async () => {
    const alex = await createLearner("Alex");
    const slug = await createPersonalDeck(
      alex.id,
      {
        title: "Verbs",
        description: "",
        cards: [
          { kind: "basic", front: "hablar", back: "to speak\n(regular)", tags: ["spanish", "ar"] },
          { kind: "reversed", front: "comer", back: "to eat", tags: [] },
          { kind: "cloze", front: "Vitamin {{c1::K2}} moves {{c2::calcium}}", back: "MK-7", tags: [] },
          { kind: "basic", front: "<b>not html</b> & more", back: "x", tags: [] },
        ],
      },
      T0,
    );
    const ids = [`${slug}-1`, `${slug}-2`, `${slug}-2.reverse`, `${slug}-3`];
    await review(alex.id, ids[0] as string, 3, T0);
    await review(alex.id, ids[0] as string, 3, new Date(T0.getTime() + 10 * 60_000));
    await review(alex.id, ids[0] as string, 1, new Date(T0.getTime() + 3 * DAY));
    await review(alex.id, ids[1] as string, 4, new Date(T0.getTime() + HOUR));
    await review(alex.id, ids[2] as string, 2, new Date(T0.getTime() + 2 * HOUR));
    await review(alex.id, ids[3] as string, 3, new Date(T0.getTime() + 5 * DAY));

    const exported = await exportDeckPackage(alex.id, slug, new Date(T0.getTime() + 6 * DAY));
    expect(exported).not.toBeNull();
    const sam = await createLearner("Sam");
    const result = await importPackage(
      sam.id,
      upload(exported?.bytes as Uint8Array),
      undefined,
      new Date(T0.getTime() + 7 * DAY),
    );
    expect(result.cards).toBe(5);
    expect(result.reviews).toBe(6);
    expect(result.notices).toEqual([]);

    const deck = await db.deck.findUniqueOrThrow({ where: { slug: result.slug } });
    expect(deck).toMatchObject({ title: "Verbs", ownerId: sam.id, retired: false });
    const cards = await db.card.findMany({ where: { deckSlug: result.slug }, orderBy: { id: "asc" } });
    expect(
      cards.map((card) => [card.id.slice(result.slug.length), card.kind, card.front, card.back, card.topic]),
    ).toEqual([
      ["-1", "basic", "hablar", "to speak\n(regular)", "spanish ar"],
      ["-2", "reversed", "comer", "to eat", null],
      ["-2.reverse", "reverse", "to eat", "comer", null],
      ["-3", "cloze", "Vitamin {{c1::K2}} moves {{c1::calcium}}", "MK-7", null],
      ["-4", "basic", "<b>not html</b> & more", "x", null],
    ]);
    // Same settings (defaults, no fuzz), same answers: the replayed schedules are Alex's exactly.
    for (const [i, id] of ids.entries()) {
      const original = await db.cardState.findUniqueOrThrow({
        where: { userId_cardId: { userId: alex.id, cardId: id } },
        select: scheduleColumns,
      });
      const importedId = `${result.slug}${id.slice(slug.length)}`;
      const imported = await db.cardState.findUniqueOrThrow({
        where: { userId_cardId: { userId: sam.id, cardId: importedId } },
        select: scheduleColumns,
      });
      expect(imported, `card ${i}`).toEqual(original);
    }
    const logs = await db.reviewLog.findMany({ where: { userId: sam.id }, orderBy: [{ reviewedAt: "asc" }] });
    expect(
      logs.map((log) => [log.origin, log.rating, log.reviewedAt.getTime() - T0.getTime(), log.durationMs]),
    ).toEqual(
      [
        ["import", 3, 0, 4000],
        ["import", 4, HOUR, 4000],
        ["import", 2, 2 * HOUR, 4000],
        ["import", 3, 10 * 60_000, 4000],
        ["import", 1, 3 * DAY, 4000],
        ["import", 3, 5 * DAY, 4000],
      ].sort((a, b) => (a[2] as number) - (b[2] as number)),
    );
    // The card never answered stays new: no state.
    expect(await db.cardState.count({ where: { userId: sam.id, cardId: `${result.slug}-4` } })).toBe(0);
  });

  it("imports a package written the way Anki writes it: stock note types, HTML, cloze ordinals, history", async () => {
    const crt = Math.floor(T0.getTime() / 1000) - 30 * 86_400;
    const bytes = ankiPackage(
      [
        {
          model: "Basic",
          fields: ["<div>ser &amp; estar</div>", 'to be<br>(two verbs)<img src="be.png">'],
          tags: " spanish irregular ",
          cards: [
            {
              type: 2,
              queue: 2,
              due: 35,
              ivl: 5,
              reps: 3,
              lapses: 0,
              revlog: [
                [T0.getTime() - 10 * DAY, 3, 0],
                [T0.getTime() - 9 * DAY, 3, 1],
                [T0.getTime() - 4 * DAY, 3, 1],
              ],
            },
          ],
        },
        {
          model: "Basic (and reversed card)",
          fields: ["perro", "dog"],
          cards: [
            { type: 0, queue: 0, due: 2, ivl: 0, reps: 0, lapses: 0 },
            { type: 2, queue: 2, due: 31, ivl: 3, reps: 2, lapses: 0, data: '{"s":3.2,"d":5.5}' },
          ],
        },
        {
          model: "Cloze",
          fields: ["{{c1::Madrid}} is the capital of {{c2::Spain::country}}", "Since 1561"],
          cards: [
            {
              type: 1,
              queue: 1,
              due: Math.floor(T0.getTime() / 1000) - 60,
              ivl: 0,
              reps: 1,
              lapses: 0,
              revlog: [[T0.getTime() - HOUR, 1, 0]],
            },
            { type: 0, queue: 0, due: 3, ivl: 0, reps: 0, lapses: 0 },
          ],
        },
        {
          model: "Basic",
          fields: ['<img src="only.png">', "picture"],
          cards: [{ type: 0, queue: 0, due: 4, ivl: 0, reps: 0, lapses: 0 }],
        },
      ],
      {
        crt,
        media: {
          "be.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
          "only.png": new Uint8Array([0x89, 0x50]),
        },
      },
    );
    const learner = await createLearner();
    const result = await importPackage(learner.id, upload(bytes, "spanish.apkg"), undefined, T0);
    expect(result.cards).toBe(5);
    expect(result.reviews).toBe(4);
    // be.png is on the answer side; only.png's card has no text and is left out itself.
    expect(result.notices.join(" ")).toMatch(/^1 pictures on the answer side/);
    expect(result.pictures).toBe(0);
    expect(result.notices.join(" ")).toMatch(/1 cards with no text/);
    const deck = await db.deck.findUniqueOrThrow({ where: { slug: result.slug } });
    expect(deck.title).toBe("Spanish verbs");
    const cards = await db.card.findMany({ where: { deckSlug: result.slug }, orderBy: { id: "asc" } });
    expect(cards.map((card) => [card.kind, card.front, card.back, card.topic])).toEqual([
      ["basic", "ser & estar", "to be\n(two verbs)", "spanish irregular"],
      ["reversed", "perro", "dog", null],
      ["reverse", "dog", "perro", null],
      ["cloze", "{{c1::Madrid}} is the capital of Spain", "Since 1561", null],
      ["cloze", "Madrid is the capital of {{c1::Spain::country}}", "Since 1561", null],
    ]);
    const states = await db.cardState.findMany({ where: { userId: learner.id }, orderBy: { cardId: "asc" } });
    expect(
      states.map((state) => [state.cardId.slice(result.slug.length), state.state, state.reps, state.version]),
    ).toEqual([
      ["-1", "review", 3, 3],
      ["-2.reverse", "review", 2, 1],
      ["-3", "learning", 1, 1],
    ]);
    // Without history, the mapped state keeps Anki's FSRS memory and due day (crt + 31 days).
    const mapped = states.find((state) => state.cardId.endsWith(".reverse"));
    expect(mapped).toMatchObject({ stability: 3.2, difficulty: 5.5, scheduledDays: 3 });
    expect(mapped?.due.getTime()).toBe((crt + 31 * 86_400) * 1000);
    const logs = await db.reviewLog.count({ where: { userId: learner.id, origin: "import" } });
    expect(logs).toBe(4);
  });

  it("refuses bad files with a clear message and writes nothing", async () => {
    const learner = await createLearner();
    const before = await rowCounts();
    const attempt = (bytes: Uint8Array) => importPackage(learner.id, upload(bytes), undefined, T0);
    await expect(attempt(new TextEncoder().encode("front,back\nhola,hello\n"))).rejects.toThrow(
      /not an Anki package/,
    );
    await expect(attempt(zipSync({ "notes.txt": new Uint8Array([1, 2, 3]) }))).rejects.toThrow(
      /not an Anki package/,
    );
    await expect(attempt(latestOnlyPackage())).rejects.toThrow(/Support older Anki versions/);
    const newer = ankiPackage(
      [
        {
          model: "Basic",
          fields: ["a", "b"],
          cards: [{ type: 0, queue: 0, due: 1, ivl: 0, reps: 0, lapses: 0 }],
        },
      ],
      { crt: 0, version: 18 },
    );
    await expect(attempt(newer)).rejects.toThrow(/Support older Anki versions/);
    // A zip whose collection is not SQLite.
    await expect(attempt(zipSync({ "collection.anki2": new TextEncoder().encode("hello") }))).rejects.toThrow(
      /not an Anki package/,
    );
    const error = await attempt(new Uint8Array([1])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageRejectedError);
    expect((error as PackageRejectedError).status).toBe(422);
    // Too large: refused on its size, before a byte is read.
    let read = false;
    const huge = {
      name: "big.apkg",
      size: APKG_LIMITS.maxBytes + 1,
      bytes: async () => {
        read = true;
        return new Uint8Array();
      },
    };
    const tooLarge = await importPackage(learner.id, huge as never, undefined, T0).catch((e: unknown) => e);
    expect((tooLarge as PackageRejectedError).status).toBe(413);
    expect(read).toBe(false);
    expect(await rowCounts()).toEqual(before);
  });

  it("keeps to the account's deck cap and writes nothing past it", async () => {
    const learner = await createLearner();
    for (let i = 0; i < PERSONAL_LIMITS.maxDecks; i++)
      await db.deck.create({
        data: {
          slug: `p-cap${String(i).padStart(8, "0")}`,
          title: `Own ${i}`,
          description: "",
          position: 1_000_000 + i,
          ownerId: learner.id,
        },
      });
    const before = await rowCounts();
    const bytes = ankiPackage(
      [
        {
          model: "Basic",
          fields: ["a", "b"],
          cards: [{ type: 0, queue: 0, due: 1, ivl: 0, reps: 0, lapses: 0 }],
        },
      ],
      { crt: 0 },
    );
    await expect(importPackage(learner.id, upload(bytes), undefined, T0)).rejects.toBeInstanceOf(
      PersonalLimitError,
    );
    expect(await rowCounts()).toEqual(before);
  });

  it("exports only decks the viewer may see, with only the viewer's own history", async () => {
    const owner = await createLearner("Owner");
    const other = await createLearner("Other");
    const slug = await createPersonalDeck(
      owner.id,
      { title: "Private", description: "", cards: [{ kind: "basic", front: "q", back: "a", tags: [] }] },
      T0,
    );
    expect(await exportDeckPackage(other.id, slug, T0)).toBeNull();
    expect(await exportDeckPackage(other.id, "no-such-deck", T0)).toBeNull();

    // A content deck: both may export it; each package carries only its exporter's reviews.
    const content = `apkg-${key().slice(0, 8)}`;
    const [first] = await createDeck(content, 2);
    await review(owner.id, first as string, 3, T0);
    const theirs = await exportDeckPackage(other.id, content, T0);
    const reader = await createLearner("Reader");
    const imported = await importPackage(reader.id, upload(theirs?.bytes as Uint8Array), undefined, T0);
    expect(imported.reviews).toBe(0);
    expect(imported.cards).toBe(2);
  });
});
