import { beforeAll, describe, expect, it } from "vitest";
import { browseCards, getCardHistory } from "@/lib/data/card-browser";
import { markCard } from "@/lib/data/card-marks";
import { recordReview } from "@/lib/data/reviews";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { type CardBrowserQuery, cardBrowserQuerySchema } from "@/lib/validations/card-browser";
import { createDeck, createLearner, key } from "./fixtures";

const NOW = new Date(Date.UTC(2026, 2, 1, 15, 0, 0));
const query = (raw: Record<string, string> = {}): CardBrowserQuery => cardBrowserQuerySchema.parse(raw);

let learner: string;
let stranger: string;
let alpha: string[];

beforeAll(async () => {
  learner = (await createLearner("Browser")).id;
  stranger = (await createLearner("Stranger")).id;
  alpha = await createDeck("alpha", 60);
  await createDeck("beta", 5);
  await db.card.update({
    where: { id: "beta-c03" },
    data: { front: "What does 100% vitamin K_2 do?", evidence: "animal" },
  });
  // The stranger's personal deck: never in the learner's browser, whatever the search.
  await db.deck.create({
    data: { slug: "private", title: "Stranger's deck", description: "", position: 5, ownerId: stranger },
  });
  await db.card.create({
    data: {
      id: "private-1",
      deckSlug: "private",
      kind: "basic",
      front: "Front of a secret card",
      back: "Back",
      evidence: "personal",
      sources: "[]",
      position: 0,
    },
  });
  await db.deckCard.create({ data: { deckSlug: "private", cardId: "private-1", position: 0 } });
  // Answer two alpha cards: one Good (learning), one Again twice (learning, one lapse-free step).
  for (const [cardId, rating] of [
    [alpha[0]!, 3],
    [alpha[1]!, 1],
  ] as const)
    await recordReview(
      learner,
      {
        idempotencyKey: key(),
        cardId,
        rating,
        expectedVersion: 0,
        answeredAt: NOW.getTime(),
        durationMs: 800,
      },
      NOW,
    );
  await markCard(learner, alpha[2]!, { suspended: true }, NOW);
  await markCard(learner, alpha[3]!, { flag: 1 }, NOW);
  await markCard(learner, alpha[4]!, { flag: 4 }, NOW);
});

describe("the card browser", () => {
  it("lists every visible card, fifty a page, in deck order", async () => {
    const first = await browseCards(learner, query(), NOW);
    expect(first.total).toBe(65);
    expect(first.pageCount).toBe(2);
    expect(first.cards).toHaveLength(50);
    expect(first.cards[0]?.id).toBe(alpha[0]);
    const second = await browseCards(learner, query({ page: "2" }), NOW);
    expect(second.cards).toHaveLength(15);
    expect(second.cards.at(-1)?.id).toBe("beta-c05");
    expect(first.decks.map((d) => d.slug)).not.toContain("private");
  });

  it("never shows another learner's personal cards, to a search or a deck filter", async () => {
    const searches: Record<string, string>[] = [{ q: "secret" }, { deck: "private" }, { q: "Front" }];
    for (const raw of searches) {
      const page = await browseCards(learner, query(raw), NOW);
      expect(page.cards.map((c) => c.id)).not.toContain("private-1");
    }
    expect((await browseCards(learner, query({ deck: "private" }), NOW)).total).toBe(0);
    await expect(getCardHistory(learner, "private-1", NOW)).rejects.toThrow(NotFoundError);
    // Its owner sees it, with a link to edit it.
    expect((await browseCards(stranger, query({ q: "secret" }), NOW)).cards.map((c) => c.id)).toEqual([
      "private-1",
    ]);
    expect((await getCardHistory(stranger, "private-1", NOW)).editHref).toBe("/author/decks/private");
  });

  it("searches front and back, case-insensitively, with % and _ taken literally", async () => {
    expect(
      (await browseCards(learner, query({ q: "100% VITAMIN k_2" }), NOW)).cards.map((c) => c.id),
    ).toEqual(["beta-c03"]);
    expect((await browseCards(learner, query({ q: "back of alpha-c06" }), NOW)).total).toBe(1);
    expect((await browseCards(learner, query({ q: "%" }), NOW)).total).toBe(1);
  });

  it("filters by deck, state, evidence, flag and lapses", async () => {
    const ids = async (raw: Record<string, string>) =>
      (await browseCards(learner, query(raw), NOW)).cards.map((c) => c.id);
    expect(await ids({ deck: "beta", state: "new" })).toHaveLength(5);
    expect(await ids({ state: "learning" })).toEqual([alpha[0], alpha[1]]);
    expect(await ids({ state: "suspended" })).toEqual([alpha[2]]);
    expect(await ids({ evidence: "animal" })).toEqual(["beta-c03"]);
    expect(await ids({ flag: "4" })).toEqual([alpha[4]]);
    expect(await ids({ flag: "0" })).toEqual([alpha[3], alpha[4]]);
    expect(await ids({ due: "today" })).toEqual([alpha[0], alpha[1]]);
    expect(await ids({ lapses: "1" })).toEqual([]);
    // A suspended never-seen card is still a new card.
    expect((await ids({ state: "new" })).includes(alpha[2]!)).toBe(true);
  });

  it("sorts by due date with never-seen cards last, and both ways", async () => {
    const asc = await browseCards(learner, query({ sort: "due" }), NOW);
    expect(
      asc.cards
        .slice(0, 2)
        .map((c) => c.id)
        .sort(),
    ).toEqual([alpha[0], alpha[1]].sort());
    expect(asc.cards[0]!.due!.getTime()).toBeLessThanOrEqual(asc.cards[1]!.due!.getTime());
    const byFront = await browseCards(learner, query({ sort: "front", dir: "desc" }), NOW);
    expect(byFront.cards[0]?.front).toBe("What does 100% vitamin K_2 do?");
  });

  it("filters buried and overdue cards at the moment asked, and sorts by state, lapses and evidence", async () => {
    const ids = async (raw: Record<string, string>, at = NOW) =>
      (await browseCards(learner, query(raw), at)).cards.map((c) => c.id);
    await markCard(learner, alpha[5]!, { buried: true }, NOW);
    expect(await ids({ state: "buried" })).toEqual([alpha[5]]);
    // Buried until the next study day starts (04:00 UTC): a day later it is no longer buried.
    expect(await ids({ state: "buried" }, new Date(NOW.getTime() + 86_400_000))).toEqual([]);
    // The two learning cards fall due minutes after NOW; a buried never-seen card is never overdue.
    expect(await ids({ due: "overdue" })).toEqual([]);
    expect(await ids({ due: "overdue" }, new Date(NOW.getTime() + 3_600_000))).toEqual([alpha[0], alpha[1]]);
    expect((await ids({ sort: "state" })).slice(0, 2)).toEqual([alpha[0], alpha[1]]);
    expect((await ids({ sort: "state", dir: "desc" })).slice(0, 2)).not.toContain(alpha[0]);
    // No card has lapsed: the card id breaks the tie, in the same direction.
    expect((await ids({ sort: "lapses", dir: "desc" }))[0]).toBe("beta-c05");
    const byEvidence = (await browseCards(learner, query({ sort: "evidence" }), NOW)).cards.map(
      (c) => c.evidence,
    );
    expect(byEvidence).toEqual([...byEvidence].sort());
  });

  it("shows a card's history: every answer with grade, interval, state before and after", async () => {
    const history = await getCardHistory(learner, alpha[1]!, NOW);
    expect(history.editHref).toBeNull();
    expect(history.reviews).toHaveLength(1);
    expect(history.reviews[0]).toMatchObject({ rating: 1, stateBefore: "new", stateAfter: "learning" });
    expect(history.reviews[0]!.intervalMs).toBe(60_000);
  });

  it("gives a card's history the learner's time zone, for its answer times", async () => {
    expect((await getCardHistory(learner, alpha[1]!, NOW)).timeZone).toBe("UTC");
    await db.studySettings.upsert({
      where: { userId: learner },
      update: { timeZone: "Europe/Berlin" },
      create: { userId: learner, timeZone: "Europe/Berlin" },
    });
    expect((await getCardHistory(learner, alpha[1]!, NOW)).timeZone).toBe("Europe/Berlin");
    await db.studySettings.update({ where: { userId: learner }, data: { timeZone: "UTC" } });
  });

  it("ignores bad query values instead of failing", () => {
    expect(query({ state: "weird", page: "-3", sort: "drop table", lapses: "x" })).toMatchObject({
      state: undefined,
      page: 1,
      sort: "deck",
      lapses: undefined,
    });
  });
});
