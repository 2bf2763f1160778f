import { convertCsvToFsrsItems } from "@open-spaced-repetition/binding";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { loadContentFromDisk } from "@/lib/content/load";
import { exportAccountData } from "@/lib/data/account";
import { getDeck, listDecksWithEvidence } from "@/lib/data/content";
import { getDeckProgress } from "@/lib/data/dashboard";
import { ankiDeckExport, reviewLogExport } from "@/lib/data/exports";
import {
  createPersonalDeck,
  deletePersonalDeck,
  getPersonalDeck,
  getPersonalDeckCards,
  ImportRejectedError,
  importCardUpload,
  PERSONAL_LIMITS,
  PersonalLimitError,
  readCardUpload,
} from "@/lib/data/personal-decks";
import { startQuiz } from "@/lib/data/quiz";
import { recordReview } from "@/lib/data/reviews";
import { cardTableQuerySchema, getCardTable, getLearnerStats } from "@/lib/data/stats";
import { getStudySession } from "@/lib/data/study";
import { acceptInvitation, assignDeck, createInvitation } from "@/lib/data/trainer/links";
import { listAssignableDecks } from "@/lib/data/trainer/roster";
import { createUser } from "@/lib/data/users";
import { getWorkloadInput } from "@/lib/data/workload";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { CARD_IMPORT_LIMITS, readCardFile } from "@/lib/exchange/card-import";
import { query, transaction } from "@/lib/query";
import { seedContent } from "@/lib/seed/content";
import { studyDayKey } from "@/lib/srs";
import { createDeck, createLearner, key } from "./fixtures";

const T0 = new Date(Date.UTC(2026, 2, 1, 12));
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const csvFile = (text: string, name = "cards.csv") => new File([text], name, { type: "text/csv" });

/** Every table an import could write to, counted. */
async function rowCounts() {
  return {
    decks: await db.deck.count(),
    cards: await db.card.count(),
    states: await db.cardState.count(),
    logs: await db.reviewLog.count(),
  };
}

/** Imports a file the way the confirm step does: preview (for the digest), then confirm. */
async function importFile(ownerId: string, text: string, title = "My cards", skipProblemLines = false) {
  const file = csvFile(text);
  const { digest } = await readCardUpload(file);
  return importCardUpload(ownerId, { file, title, digest, skipProblemLines }, T0);
}

/** Personal decks written directly in a few statements (setting up an account near its caps quickly). */
async function givePersonalDecks(ownerId: string, decks: number, cardsEach: number) {
  for (let d = 0; d < decks; d++) {
    const slug = `p-${key().replaceAll("-", "").slice(0, 12)}`;
    await query()
      .insertInto("Deck")
      .values({
        slug,
        title: `Own ${d}`,
        description: "",
        position: 1_000_000 + d,
        retired: false,
        ownerId,
        createdAt: T0,
      })
      .execute();
    for (let start = 0; start < cardsEach; start += 500) {
      const n = Math.min(500, cardsEach - start);
      await query()
        .insertInto("Card")
        .values(
          Array.from({ length: n }, (_, i) => ({
            id: `${slug}-${start + i + 1}`,
            deckSlug: slug,
            kind: "basic",
            front: `Q${start + i}`,
            back: "A",
            evidence: "personal",
            sources: "[]",
            position: start + i,
            retired: false,
          })),
        )
        .execute();
    }
  }
}

/** Answers a card at `at` with `rating`, against its current version. */
async function answer(userId: string, cardId: string, rating: 1 | 2 | 3 | 4, at: Date) {
  const state = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
  return recordReview(
    userId,
    {
      idempotencyKey: key(),
      cardId,
      rating,
      expectedVersion: state?.version ?? 0,
      answeredAt: at.getTime(),
      durationMs: 1500,
    },
    at,
  );
}

/** Minutes east of UTC in a time zone at an instant, as the binding's offset provider wants them. */
function offsetMinutes(ms: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "shortOffset" })
    .formatToParts(ms)
    .find((part) => part.type === "timeZoneName")?.value;
  const [, sign, hours, minutes = "0"] = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name ?? "") ?? [];
  if (!sign || !hours) return 0;
  const total = Number(hours) * 60 + Number(minutes);
  return sign === "+" ? total : -total;
}

describe("importing cards into a personal deck", () => {
  it("writes a private deck of basic cards with the personal evidence level and no sources", async () => {
    const owner = await createLearner("Owner");
    const slug = await importFile(owner.id, "front,back,tags\nWhat is MK-7?,A form of K2,k2 forms\nQ2,A2,\n");
    expect(slug).toMatch(/^p-[0-9a-f]{12}$/);
    const deck = await db.deck.findUniqueOrThrow({
      where: { slug },
      include: { cards: { orderBy: { position: "asc" } } },
    });
    expect(deck).toMatchObject({ title: "My cards", ownerId: owner.id, retired: false, createdAt: T0 });
    expect(
      deck.cards.map(({ kind, front, back, evidence, topic, sources }) => ({
        kind,
        front,
        back,
        evidence,
        topic,
        sources,
      })),
    ).toEqual([
      {
        kind: "basic",
        front: "What is MK-7?",
        back: "A form of K2",
        evidence: "personal",
        topic: "k2 forms",
        sources: "[]",
      },
      { kind: "basic", front: "Q2", back: "A2", evidence: "personal", topic: null, sources: "[]" },
    ]);
    // The deck page reads it like any deck, badges and filter included.
    const shown = await getDeck(slug, owner.id);
    expect(shown).toMatchObject({ personal: true, evidence: { personal: 2 } });
  });

  it("writes nothing for a rejected file: errors, a changed file, or one over 5 MB", async () => {
    const owner = await createLearner();
    const before = await rowCounts();

    const bad = csvFile("Q1,A1\nQ2,\nQ3,A3\n");
    const preview = await readCardUpload(bad);
    expect(preview.file.errors).toEqual([{ line: 2, message: "The back is empty." }]);
    await expect(
      importCardUpload(owner.id, { file: bad, title: "Bad", digest: preview.digest }, T0),
    ).rejects.toThrow(ImportRejectedError);

    const previewed = await readCardUpload(csvFile("Q1,A1\n"));
    await expect(
      importCardUpload(
        owner.id,
        { file: csvFile("Q1,A1\nQ2,A2\n"), title: "Changed", digest: previewed.digest },
        T0,
      ),
    ).rejects.toThrow(/changed since the preview/);

    // Refused on its size, before it is read: reading this one would throw.
    const huge = csvFile("x");
    Object.defineProperty(huge, "size", { value: 5 * 1024 * 1024 + 1 });
    huge.arrayBuffer = () => Promise.reject(new Error("read a file over the limit"));
    await expect(readCardUpload(huge)).rejects.toThrow(/larger than 5 MB/);

    await expect(readCardUpload(new File([new Uint8Array([0xff, 0xfe, 0x00])], "x.csv"))).rejects.toThrow(
      /UTF-8/,
    );
    expect(await rowCounts()).toEqual(before);
  });

  it("stops reading a 5 MB file of 2.6 million one-character lines at the problem cap, off the request thread", async () => {
    const owner = await createLearner();
    const before = await rowCounts();
    const text = "a\n".repeat(2_600_000);
    const preview = await readCardUpload(csvFile(text));
    const cap = CARD_IMPORT_LIMITS.maxProblemLines;
    expect(preview.file).toMatchObject({ complete: false, cards: [], problemLines: cap });
    expect(preview.file.errors).toHaveLength(cap + 1);
    expect(preview.file.errors[0]).toEqual({
      line: null,
      message: expect.stringContaining(`Reading stopped at line ${cap}`),
    });
    // Not even "import the good lines": reading stopped, so the rest of the file is unknown.
    await expect(
      importCardUpload(
        owner.id,
        { file: csvFile(text), title: "Junk", digest: preview.digest, skipProblemLines: true },
        T0,
      ),
    ).rejects.toThrow(ImportRejectedError);
    expect(await rowCounts()).toEqual(before);
  });

  it("imports the good lines of a file with bad ones when asked, each repeated card once", async () => {
    const owner = await createLearner();
    const text = "Q1,A1\nQ2,\nQ3,A3\nQ1,A1\n";
    const before = await rowCounts();
    await expect(importFile(owner.id, text)).rejects.toThrow(/problems, so nothing was imported/);
    expect(await rowCounts()).toEqual(before);
    const slug = await importFile(owner.id, text, "Good lines", true);
    const cards = await db.card.findMany({ where: { deckSlug: slug }, orderBy: { position: "asc" } });
    expect(cards.map((c) => [c.front, c.back])).toEqual([
      ["Q1", "A1"],
      ["Q3", "A3"],
    ]);
  });

  it("writes cloze cards for {{c1::…}} fronts and keeps line breaks of quoted fields", async () => {
    const owner = await createLearner();
    const slug = await importFile(owner.id, 'K2 is {{c1::menaquinone}}.,\r\n"Two\r\nlines",Back\r\n');
    const cards = await db.card.findMany({ where: { deckSlug: slug }, orderBy: { position: "asc" } });
    expect(cards.map(({ kind, front, back }) => ({ kind, front, back }))).toEqual([
      { kind: "cloze", front: "K2 is {{c1::menaquinone}}.", back: "" },
      { kind: "basic", front: "Two\nlines", back: "Back" },
    ]);
  });

  it("refuses a deck past the account's deck cap, with a clear message and nothing written", async () => {
    const owner = await createLearner();
    await givePersonalDecks(owner.id, PERSONAL_LIMITS.maxDecks, 1);
    const before = await rowCounts();
    const refused = importFile(owner.id, "Q,A\n");
    await expect(refused).rejects.toThrow(PersonalLimitError);
    await expect(refused).rejects.toThrow(/the most an account can keep/);
    expect(await rowCounts()).toEqual(before);
    // Another account is not affected.
    const other = await createLearner();
    await expect(importFile(other.id, "Q,A\n")).resolves.toMatch(/^p-/);
  });

  it("refuses cards past the account's card cap", async () => {
    const owner = await createLearner();
    const perDeck = PERSONAL_LIMITS.maxCards / 4;
    await givePersonalDecks(owner.id, 4, perDeck - 1);
    const before = await rowCounts();
    // 4 cards would pass the cap by one; 4 are left after this refusal.
    await expect(importFile(owner.id, "Q1,A1\nQ2,A2\nQ3,A3\nQ4,A4\nQ5,A5\n")).rejects.toThrow(
      /you would pass the 20,000 an account can keep/,
    );
    expect(await rowCounts()).toEqual(before);
    await expect(importFile(owner.id, "Q1,A1\nQ2,A2\nQ3,A3\nQ4,A4\n")).resolves.toMatch(/^p-/);
  });

  it("lets exactly one of three imports at once take an account's last deck", async () => {
    const racer = await createLearner();
    await givePersonalDecks(racer.id, PERSONAL_LIMITS.maxDecks - 1, 1);
    // Straight to the write, both at once: on PostgreSQL (READ COMMITTED) both would count 49
    // decks without the owner's row lock.
    const card = { line: 1, kind: "basic" as const, front: "R", back: "A", tags: [] };
    const write = () => createPersonalDeck(racer.id, { title: "Race", description: "", cards: [card] }, T0);
    // Open connections first (PostgreSQL), so no write waits for one while another commits.
    await Promise.all([1, 2, 3].map(() => transaction((tx) => sql`SELECT 1 AS one`.execute(tx))));
    const results = await Promise.allSettled([write(), write(), write()]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected", "rejected"]);
    expect(await db.deck.count({ where: { ownerId: racer.id } })).toBe(PERSONAL_LIMITS.maxDecks);
  });

  it("lets other writes through between the chunks of a 5,000-card import, and shows the deck only when whole", async () => {
    const owner = await createLearner();
    const other = await createLearner();
    const cards = Array.from({ length: CARD_IMPORT_LIMITS.maxCards }, (_, i) => ({
      line: i + 1,
      kind: "basic" as const,
      front: `Q${i}`,
      back: `A${i}`,
      tags: [],
    }));
    let imported: string | null = null;
    const writing = createPersonalDeck(owner.id, { title: "Big", description: "", cards }, T0).then(
      (slug) => {
        imported = slug;
        return slug;
      },
    );
    await new Promise((resolve) => setImmediate(resolve));
    // Another learner's write, asked for after the import began: it must not wait for all of it
    // (one transaction for the whole deck held SQLite's one connection until the end).
    await transaction((tx) =>
      tx
        .updateTable("User")
        .set((eb) => ({ name: eb.ref("name") }))
        .where("id", "=", other.id)
        .execute(),
    );
    expect(imported).toBeNull();
    expect((await listDecksWithEvidence(owner.id)).some((d) => d.title === "Big")).toBe(false);
    const slug = await writing;
    expect(await getPersonalDeck(owner.id, slug)).toMatchObject({ cardCount: CARD_IMPORT_LIMITS.maxCards });
    expect((await listDecksWithEvidence(owner.id)).some((d) => d.slug === slug)).toBe(true);
  });

  it("keeps a deck an import left unfinished hidden, and removes it with the owner's next import", async () => {
    const owner = await createLearner();
    const slug = `p-${key().replaceAll("-", "").slice(0, 12)}`;
    await query()
      .insertInto("Deck")
      .values({
        slug,
        title: "Cut off",
        description: "",
        position: 1_000_000,
        retired: true,
        ownerId: owner.id,
        createdAt: new Date(T0.getTime() - HOUR),
      })
      .execute();
    await query()
      .insertInto("Card")
      .values({
        id: `${slug}-1`,
        deckSlug: slug,
        kind: "basic",
        front: "Q",
        back: "A",
        evidence: "personal",
        sources: "[]",
        position: 0,
        retired: false,
      })
      .execute();
    expect(await getPersonalDeck(owner.id, slug)).toBeNull();
    expect((await listDecksWithEvidence(owner.id)).some((d) => d.slug === slug)).toBe(false);
    await importFile(owner.id, "Q1,A1\n");
    expect(await db.deck.findUnique({ where: { slug } })).toBeNull();
    expect(await db.card.findUnique({ where: { id: `${slug}-1` } })).toBeNull();
  });

  it("lists a personal deck's cards a page at a time, to its owner only", async () => {
    const owner = await createLearner();
    const other = await createLearner();
    const text = Array.from({ length: 120 }, (_, i) => `Q${i + 1},A${i + 1},t${i % 3}`).join("\n");
    const slug = await importFile(owner.id, text);
    const deck = await getPersonalDeck(owner.id, slug);
    expect(deck).toMatchObject({ slug, title: "My cards", cardCount: 120 });
    const page = await getPersonalDeckCards(deck!, 100, 50);
    expect(page.map((card) => card.front)).toEqual(Array.from({ length: 20 }, (_, i) => `Q${i + 101}`));
    expect(page[0]).toEqual({
      id: `${slug}-101`,
      kind: "basic",
      front: "Q101",
      back: "A101",
      evidence: "personal",
      topic: "t1",
      sources: [],
    });
    expect(await getPersonalDeck(other.id, slug)).toBeNull();
    const content = await createDeck(`pg-${key().slice(0, 8)}`, 1);
    expect(await getPersonalDeck(owner.id, content[0]!.replace(/-c01$/, ""))).toBeNull();
  });

  it("writes nothing when the learner previews and cancels", async () => {
    await createLearner();
    const before = await rowCounts();
    const preview = await readCardUpload(csvFile("front\tback\nQ\tA\n", "cards.tsv"));
    expect(preview.file.cards).toHaveLength(1);
    // A preview brings back only the cards it shows, and counts them all.
    const sampled = await readCardUpload(csvFile("Q1,A1\nQ2,A2\nQ3,A3\n"), undefined, { sample: 1 });
    expect(sampled).toMatchObject({ cardCount: 3, file: { cards: [{ front: "Q1" }] } });
    expect(sampled.file.cards).toHaveLength(1);
    // Cancel is the browser forgetting the preview: no request follows, so nothing may have been written.
    expect(await rowCounts()).toEqual(before);
  });
});

describe("export and import round trips", () => {
  it("exports the review log as CSV that the FSRS binding reads back into the same reviews", async () => {
    const learner = await createLearner();
    const timeZone = "America/New_York";
    const rollover = 4;
    await db.studySettings.update({
      where: { userId: learner.id },
      data: { timeZone, dayRolloverHour: rollover },
    });
    const content = await createDeck(`rt-${key().slice(0, 8)}`, 3);
    const personal = await importFile(learner.id, "Q1,A1\nQ2,A2\n");
    const own = (await db.card.findMany({ where: { deckSlug: personal }, orderBy: { position: "asc" } })).map(
      (c) => c.id,
    );
    const plan: [string, 1 | 2 | 3 | 4, number][] = [
      [content[0]!, 3, 0],
      [content[0]!, 3, 10 * 60_000],
      [content[0]!, 3, 2 * DAY],
      // 06:30 UTC is 01:30 in New York: before the 04:00 rollover, so still the previous study day.
      [content[0]!, 1, 5 * DAY - 5.5 * HOUR],
      [content[0]!, 3, 5 * DAY - 5 * HOUR],
      [content[0]!, 3, 9 * DAY],
      [content[1]!, 4, HOUR],
      [content[1]!, 3, 6 * DAY],
      [own[0]!, 1, 2 * HOUR],
      [own[0]!, 3, 2 * HOUR + 60_000],
      [own[0]!, 3, 3 * DAY],
      [own[1]!, 3, DAY],
    ];
    for (const [cardId, rating, offset] of plan)
      await answer(learner.id, cardId, rating, new Date(T0.getTime() + offset));

    const csv = await reviewLogExport(learner.id);
    expect(csv.split("\r\n")[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(plan.length + 1);

    const items = convertCsvToFsrsItems(new TextEncoder().encode(csv), rollover, timeZone, offsetMinutes);
    const got = items.map((item) => item.reviews.map((r) => `${r.rating}/${r.deltaT}`).join(" ")).sort();

    // Expected from the stored logs: per card, days between answers in the learner's study days;
    // the binding makes one item per answer on a later day, holding the card's answers up to it.
    const logs = await db.reviewLog.findMany({
      where: { userId: learner.id },
      orderBy: [{ reviewedAt: "asc" }],
    });
    const dayNumber = (at: Date) => Date.parse(studyDayKey(at, timeZone, rollover)) / DAY;
    const expected: string[] = [];
    for (const cardId of new Set(logs.map((log) => log.cardId))) {
      const answers = logs.filter((log) => log.cardId === cardId);
      const reviews = answers.map(
        (log, i) =>
          `${log.rating}/${i === 0 ? 0 : dayNumber(log.reviewedAt) - dayNumber(answers[i - 1]!.reviewedAt)}`,
      );
      reviews.forEach((review, i) => {
        if (i > 0 && !review.endsWith("/0")) expected.push(reviews.slice(0, i + 1).join(" "));
      });
    }
    expect(got).toEqual(expected.sort());
    // The 01:30 answer counts on the study day before (day 4, not 5), and the one at 02:00 on the same
    // day; the last, after the switch to daylight saving time, is 5 study days later.
    expect(got).toContain("3/0 3/0 3/2 1/2 3/0 3/5");
  });

  it("exports a deck for Anki and imports that file back into the same cards", async () => {
    const owner = await createLearner();
    const text = 'front,back,tags\n"Tab\there","Two\nlines, ""quoted""",bone k2::mk7\n#1 cause,Answer,\n';
    const slug = await importFile(owner.id, text, "Round trip");
    const exported = await ankiDeckExport(owner.id, slug, (level) => `Level ${level}`);
    expect(exported?.text.split("\n").slice(0, 4)).toEqual([
      "#separator:tab",
      "#html:false",
      "#columns:Front\tBack\tEvidence\tSource\tTags",
      "#tags column:5",
    ]);
    const again = readCardFile(exported!.text);
    expect(again.errors).toEqual([]);
    expect(again.cards.map(({ front, back, tags }) => ({ front, back, tags }))).toEqual([
      { front: "Tab\there", back: 'Two\nlines, "quoted"', tags: ["evidence::personal", "bone", "k2::mk7"] },
      { front: "#1 cause", back: "Answer", tags: ["evidence::personal"] },
    ]);
  });
});

describe("personal decks are private", () => {
  async function twoLearnersAndADeck() {
    const owner = await createLearner("Owner");
    const other = await createLearner("Other");
    const slug = await importFile(owner.id, "Private Q1,Private A1\nPrivate Q2,Private A2\n", "Secret deck");
    const cards = (await db.card.findMany({ where: { deckSlug: slug } })).map((c) => c.id);
    return { owner, other, slug, cards };
  }

  it("shows the deck, its cards and its progress to the owner only", async () => {
    const { owner, other, slug, cards } = await twoLearnersAndADeck();
    await db.studySettings.update({ where: { userId: other.id }, data: { newPerDay: 500 } });
    await db.studySettings.update({ where: { userId: owner.id }, data: { newPerDay: 500 } });

    expect((await listDecksWithEvidence(owner.id)).map((d) => d.slug)).toContain(slug);
    expect((await listDecksWithEvidence(other.id)).map((d) => d.slug)).not.toContain(slug);
    expect(await getDeck(slug, other.id)).toBeNull();
    expect(await getDeck(slug)).toBeNull();

    await expect(getStudySession(other.id, { deck: slug, cardIds: null }, T0)).rejects.toThrow(NotFoundError);
    await expect(getStudySession(other.id, { deck: null, cardIds: cards }, T0)).resolves.toMatchObject({
      cards: [],
    });
    const everything = await getStudySession(other.id, { deck: null, cardIds: null }, T0);
    expect(everything.cards.map((c) => c.cardId)).not.toEqual(expect.arrayContaining([cards[0]]));
    const mine = await getStudySession(owner.id, { deck: slug, cardIds: null }, T0);
    expect(mine.cards.map((c) => c.cardId).sort()).toEqual([...cards].sort());

    await expect(answer(other.id, cards[0]!, 3, T0)).rejects.toThrow(NotFoundError);
    await expect(startQuiz(other.id, { deck: slug, length: 5, mode: "mixed" }, T0)).rejects.toThrow(
      NotFoundError,
    );
    expect(await ankiDeckExport(other.id, slug, String)).toBeNull();
    expect(await ankiDeckExport(owner.id, slug, String)).toMatchObject({ title: "Secret deck" });

    expect((await getDeckProgress(other.id, T0)).decks.map((d) => d.slug)).not.toContain(slug);
    expect((await getDeckProgress(owner.id, T0)).decks.map((d) => d.slug)).toContain(slug);
    expect((await getLearnerStats(other.id, T0)).decks.map((d) => d.slug)).not.toContain(slug);
    expect(
      (await getCardTable(other.id, T0, cardTableQuerySchema.parse({}))).decks.map((d) => d.slug),
    ).not.toContain(slug);
    expect((await getLearnerStats(owner.id, T0)).decks.map((d) => d.slug)).toContain(slug);
    const ownerWorkload = await getWorkloadInput(owner.id, T0);
    const otherWorkload = await getWorkloadInput(other.id, T0);
    expect(ownerWorkload.newCards - otherWorkload.newCards).toBe(cards.length);

    const exported = await exportAccountData(owner.id, T0);
    expect(exported.personalDecks).toMatchObject([{ slug, title: "Secret deck", cards: [{}, {}] }]);
    expect((await exportAccountData(other.id, T0)).personalDecks).toEqual([]);
    expect(await reviewLogExport(other.id)).not.toContain(slug);
  });

  it("cannot be assigned by a trainer, even the owner's own", async () => {
    const { owner, slug } = await twoLearnersAndADeck();
    const trainer = await createUser({
      name: "Coach",
      email: `${key()}@example.com`,
      password: "trainer-pass",
      role: "trainer",
    });
    const invitation = await createInvitation(trainer.id, { maxUses: 1, expiresInDays: 14 }, T0);
    await acceptInvitation(owner, invitation.code, { shareQuizAnswers: true }, T0);
    expect((await listAssignableDecks()).map((d) => d.slug)).not.toContain(slug);
    await expect(
      assignDeck(trainer.id, { clientIds: [owner.id], deckSlug: slug, goal: "all-introduced" }, T0),
    ).rejects.toThrow(NotFoundError);
  });

  it("is deleted by its owner only, with its cards, schedules and review logs", async () => {
    const { owner, other, slug, cards } = await twoLearnersAndADeck();
    await answer(owner.id, cards[0]!, 3, T0);
    await expect(deletePersonalDeck(other.id, slug)).rejects.toThrow(NotFoundError);
    const content = await createDeck(`keep-${key().slice(0, 8)}`, 1);
    await expect(deletePersonalDeck(owner.id, content[0]!.replace(/-c01$/, ""))).rejects.toThrow(
      NotFoundError,
    );
    expect(await db.deck.count({ where: { slug } })).toBe(1);

    await deletePersonalDeck(owner.id, slug);
    expect(await db.deck.count({ where: { slug } })).toBe(0);
    expect(await db.card.count({ where: { deckSlug: slug } })).toBe(0);
    expect(await db.cardState.count({ where: { userId: owner.id, cardId: { in: cards } } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: owner.id, cardId: { in: cards } } })).toBe(0);
  });

  it("is left alone by the content seed, which retires only content decks", async () => {
    const { owner, slug } = await twoLearnersAndADeck();
    const content = await loadContentFromDisk();
    await seedContent(db, content);
    await seedContent(db, { ...content, decks: [] });
    expect(await db.deck.findUniqueOrThrow({ where: { slug } })).toMatchObject({
      retired: false,
      ownerId: owner.id,
    });
    expect(await db.card.count({ where: { deckSlug: slug, retired: false } })).toBe(2);
    expect(await db.deck.count({ where: { slug: content.decks[0]!.slug, retired: true } })).toBe(1);
    await seedContent(db, content);
    expect(await getDeck(slug, owner.id)).toMatchObject({ cards: [{}, {}] });
  });
});
