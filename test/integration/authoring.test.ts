import { describe, expect, it } from "vitest";
import type { QuizPayload } from "@/lib/authoring/draft-item";
import { personalCardSchema } from "@/lib/authoring/personal-card";
import type { QuizEditInput } from "@/lib/authoring/quiz-edit";
import { loadContentFromDisk } from "@/lib/content/load";
import {
  draftCardFromSelection,
  publishDraft,
  saveDraftCard,
  saveDraftQuiz,
  setDraftStatus,
} from "@/lib/data/authoring";
import { getDeck, listDecksWithEvidence } from "@/lib/data/content";
import { bringDocument, DocumentRejectedError } from "@/lib/data/document-intake";
import { getDraft, getPublishedQuotes, getReadableDocument } from "@/lib/data/documents";
import { endProgress, progressReporter, readProgress, reportProgress } from "@/lib/data/intake-progress";
import { addPersonalCard, editPersonalCard, retirePersonalCard } from "@/lib/data/personal-cards";
import {
  importCardUpload,
  PERSONAL_LIMITS,
  PersonalLimitError,
  readCardUpload,
} from "@/lib/data/personal-decks";
import { recordReview } from "@/lib/data/reviews";
import { getStudySession } from "@/lib/data/study";
import { acceptInvitation, assignDeck, createInvitation, unassignDeck } from "@/lib/data/trainer/links";
import { listAssignableDecks } from "@/lib/data/trainer/roster";
import { createUser } from "@/lib/data/users";
import { createPrismaClient, db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { seedContent } from "@/lib/seed/content";
import { K2_PARAGRAPHS, scannedPdf, textDocx, textPdf } from "../../e2e/authoring-documents";
import { createLearner, key } from "./fixtures";

const T0 = new Date(Date.UTC(2026, 2, 1, 12));
const utf8 = (text: string) => new TextEncoder().encode(text);
const MARKDOWN = `# Vitamin K2 and bone\n\n${K2_PARAGRAPHS.join("\n\n")}\n`;

async function createTrainer() {
  return createUser({
    name: "Coach",
    email: `${key()}@example.com`,
    password: "trainer-pass",
    role: "trainer",
  });
}

async function bring(
  ownerId: string,
  bytes: Uint8Array,
  format: "md" | "txt" | "html" | "pdf" | "docx",
  extra = {},
) {
  return bringDocument(
    ownerId,
    { bytes, fileName: `doc.${format}`, format, title: null, acceptNonEnglish: false, ...extra },
    T0,
  );
}

async function stored() {
  return { documents: await db.userDocument.count(), items: await db.draftItem.count() };
}

async function rejection(promise: Promise<unknown>): Promise<DocumentRejectedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentRejectedError);
  return error as DocumentRejectedError;
}

/** A published deck of every card proposed from the K2 text, owned by `ownerId`. */
async function publishedDeck(ownerId: string) {
  const { id } = await bring(ownerId, utf8(MARKDOWN), "md");
  const draft = await getDraft(ownerId, id);
  if (!draft) throw new Error("draft missing");
  const cards = draft.items.filter((item) => item.payload.target === "card");
  await setDraftStatus(
    ownerId,
    id,
    cards.map((item) => item.id),
    "accepted",
    T0,
  );
  const slug = await publishDraft(ownerId, id, { title: "K2 and bone", description: "Mine" }, T0);
  return { documentId: id, slug, cards };
}

describe("bringing a document", () => {
  it("stores PDF and DOCX text once, immutable, with its checksum and proposals as a draft", async () => {
    const owner = await createLearner();
    const pdf = await bring(owner.id, await textPdf("K2 notes", [...K2_PARAGRAPHS]), "pdf");
    const docx = await bring(owner.id, await textDocx("K2 notes", [...K2_PARAGRAPHS]), "docx");
    expect(pdf.existing).toBe(false);
    expect(pdf.id).toMatch(/^u-[0-9a-f]{16}$/);
    for (const { id } of [pdf, docx]) {
      const row = await db.userDocument.findUniqueOrThrow({ where: { id } });
      expect(row.body).toContain("of MK-7 daily for three years reduced the loss");
      expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
      const draft = await getDraft(owner.id, id);
      expect(draft?.items.length).toBeGreaterThan(0);
      // Every proposal quotes the stored text word for word.
      for (const item of draft?.items ?? []) expect(row.body).toContain(item.payload.quote);
    }
    // The same text again is the same document: nothing new stored.
    const before = await stored();
    const again = await bring(owner.id, await textPdf("K2 notes", [...K2_PARAGRAPHS]), "pdf");
    expect(again).toEqual({ id: pdf.id, existing: true });
    expect(await stored()).toEqual(before);
  });

  it("refuses bad input with a clear message and stores nothing", async () => {
    const owner = await createLearner();
    const before = await stored();
    const scan = await rejection(bring(owner.id, await scannedPdf(), "pdf"));
    expect(scan.code).toBe("no-text-layer");
    expect(scan.status).toBe(422);
    expect((await rejection(bring(owner.id, new Uint8Array(), "txt"))).code).toBe("empty");
    const binary = new Uint8Array(4096).map((_, i) => (i * 7) % 256);
    expect((await rejection(bring(owner.id, binary, "txt"))).code).toBe("binary");
    const huge = await rejection(bring(owner.id, new Uint8Array(10 * 1024 * 1024 + 1), "txt"));
    expect([huge.code, huge.status]).toEqual(["too-large", 413]);
    expect((await rejection(bring(owner.id, utf8("<html><body></body></html>"), "html"))).code).toBe("empty");
    const german =
      "Die Ergebnisse der Studie zeigen, dass die Einnahme von Vitamin K2 über drei Jahre den Verlust der Knochendichte bei Frauen nach den Wechseljahren verringert hat. Die Autoren betonen, dass weitere Untersuchungen mit einer größeren Zahl von Teilnehmern nötig sind, bevor eine Empfehlung ausgesprochen werden kann. Auch die Dosis und die Form des Vitamins spielen eine Rolle für die Wirkung im Körper.";
    const warned = await rejection(bring(owner.id, utf8(german), "txt"));
    expect(warned.code).toBe("not-english");
    expect(warned.message).toMatch(/English/);
    expect(await stored()).toEqual(before);
    // Confirmed, it is kept.
    await bring(owner.id, utf8(german), "txt", { acceptNonEnglish: true });
    expect((await stored()).documents).toBe(before.documents + 1);
  });

  it("keeps its progress in the database for any instance, to the uploader only, and forgets it when done", async () => {
    const owner = await createLearner();
    const other = await createLearner();
    const token = "progress-token-0001";
    // Another app instance: its own database client, none of this process's memory.
    const elsewhere = createPrismaClient();
    const progress = progressReporter(owner.id, token);
    let at = Date.now();
    await bringDocument(
      owner.id,
      { bytes: utf8(MARKDOWN), fileName: null, format: "md", title: null, acceptNonEnglish: false },
      T0,
      (stage, fraction) => {
        at += 1000;
        progress.report({ stage, fraction }, at);
      },
    );
    // The writes are chained behind the reports: wait for the last one, as the route's `end` does,
    // before writing past them (a write still in flight would otherwise land after this one).
    await progress.settled();
    await reportProgress(owner.id, token, { stage: "storing", fraction: null }, at + 1000);
    const row = await elsewhere.intakeProgress.findUnique({ where: { token } });
    expect(row).toMatchObject({ userId: owner.id, stage: "storing", fraction: null });
    expect(await readProgress(owner.id, token, at + 1000)).toEqual({ stage: "storing", fraction: null });
    expect(await readProgress(other.id, token, at + 1000)).toBeNull();
    // Someone else cannot take the token over.
    await reportProgress(other.id, token, { stage: "extracting", fraction: 0.5 }, at + 2000);
    expect((await elsewhere.intakeProgress.findUnique({ where: { token } }))?.userId).toBe(owner.id);
    // A stale entry (its upload cut off) reads as nothing.
    expect(await readProgress(owner.id, token, at + 10 * 60_000)).toBeNull();
    await progress.end();
    expect(await elsewhere.intakeProgress.count({ where: { token } })).toBe(0);
    expect(await readProgress(owner.id, token, at + 1000)).toBeNull();
    await elsewhere.$disconnect();
  });

  it("reports every stage of the reading while it runs", async () => {
    const owner = await createLearner();
    const token = "progress-token-0002";
    const stages: string[] = [];
    await bringDocument(
      owner.id,
      { bytes: utf8(MARKDOWN), fileName: null, format: "md", title: null, acceptNonEnglish: false },
      T0,
      (stage, fraction) => {
        stages.push(stage);
        void reportProgress(owner.id, token, { stage, fraction }, Date.now());
      },
    );
    expect(stages).toContain("extracting");
    expect(stages).toContain("proposing");
    await endProgress(token);
  });

  it("strips scripts from HTML", async () => {
    const owner = await createLearner();
    const html = `<html><head><title>K2</title><script>stealCookies()</script></head><body><article><h1>K2</h1>${K2_PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}<script>document.write("injected")</script></article></body></html>`;
    const { id } = await bring(owner.id, utf8(html), "html");
    const row = await db.userDocument.findUniqueOrThrow({ where: { id } });
    expect(row.body).toContain("Natto contains about 1,000 µg");
    expect(row.body).not.toMatch(/stealCookies|injected/);
  });
});

describe("the card editor", () => {
  it("drafts a card from a selection: front, back and a suggested level with its cue words", async () => {
    const owner = await createLearner();
    const other = await createLearner();
    const { id } = await bring(owner.id, utf8(MARKDOWN), "md");
    const rats = await draftCardFromSelection(
      owner.id,
      id,
      "In rats, MK-4 increased muscle mass compared with controls.",
    );
    expect(rats.quote).toBe("In rats, MK-4 increased muscle mass compared with controls.");
    expect(rats.front.length).toBeGreaterThan(8);
    expect(rats.kind === "cloze" ? rats.front : rats.back).toMatch(/\S/);
    if (rats.kind === "cloze") expect(rats.front).toMatch(/\{\{c1::.+\}\}/);
    // An animal finding is never suggested as human, and the cue words behind the level come along.
    expect(rats.evidence).toBe("animal");
    expect(rats.suggested?.level).toBe("animal");
    expect(rats.suggested?.cues.map((cue) => cue.word.toLowerCase())).toContain("rats");

    const trial = await draftCardFromSelection(
      owner.id,
      id,
      // Selected across a line break of the rendered text: whitespace does not matter.
      "In a randomized controlled trial of 244 postmenopausal women,\n180 µg of MK-7 daily",
    );
    expect(trial.evidence).toBe("human-rct");
    expect(trial.quote).toBe(
      "In a randomized controlled trial of 244 postmenopausal women, 180 µg of MK-7 daily",
    );

    await expect(draftCardFromSelection(owner.id, id, "Words that are nowhere in it at all")).rejects.toThrow(
      ValidationError,
    );
    await expect(
      draftCardFromSelection(other.id, id, "In rats, MK-4 increased muscle mass compared with controls."),
    ).rejects.toThrow(NotFoundError);
    expect(await db.draftItem.count({ where: { documentId: id, origin: "author" } })).toBe(0);
  });

  it("keeps only quotes that are in the document word for word, stored as the document's characters", async () => {
    const owner = await createLearner();
    const { id } = await bring(owner.id, utf8(MARKDOWN), "md");
    const card = { kind: "basic" as const, front: "What does natto contain?", back: "MK-7", reason: null };
    const before = await db.draftItem.count();
    const wrong = await saveDraftCard(
      owner.id,
      id,
      null,
      { ...card, evidence: "background", quote: "Natto contains about 2,000 µg of MK-7 per 100 g" },
      T0,
    ).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(ValidationError);
    expect((wrong as ValidationError).fieldErrors.quote?.[0]).toMatch(/word for word/);
    expect(await db.draftItem.count()).toBe(before);
    // Re-wrapped and with different spacing, it is still the document's wording.
    const saved = await saveDraftCard(
      owner.id,
      id,
      null,
      { ...card, evidence: "background", quote: "Natto contains  about 1,000 µg\nof MK-7 per 100 g" },
      T0,
    );
    expect(saved.status).toBe("accepted");
    expect(saved.payload.quote).toBe("Natto contains about 1,000 µg of MK-7 per 100 g");
  });

  it("asks for a reason when the label is stronger than the quote's cue words", async () => {
    const owner = await createLearner();
    const { id } = await bring(owner.id, utf8(MARKDOWN), "md");
    const card = {
      kind: "basic" as const,
      front: "What did MK-4 do to muscle mass?",
      back: "It increased it",
      evidence: "human-rct" as const,
      quote: "In rats, MK-4 increased muscle mass compared with controls.",
    };
    const refused = await saveDraftCard(owner.id, id, null, { ...card, reason: null }, T0).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors.evidence?.[0]).toMatch(/animal/);
    const kept = await saveDraftCard(
      owner.id,
      id,
      null,
      { ...card, reason: "The same result was later shown in a human trial." },
      T0,
    );
    expect(kept.evidenceReason).toBe("The same result was later shown in a human trial.");
    expect(kept.payload.evidence).toBe("human-rct");

    // The reason is published with the card, for its evidence badge; a card without one has none.
    const plain = (await getDraft(owner.id, id))?.items.find(
      (item) => item.payload.target === "card" && item.id !== kept.id,
    );
    if (!plain) throw new Error("no proposed card");
    await setDraftStatus(owner.id, id, [plain.id], "accepted", T0);
    const slug = await publishDraft(owner.id, id, { title: "Reasons", description: "" }, T0);
    const cards = (await getDeck(slug, owner.id))?.cards ?? [];
    expect(cards.find((c) => c.id === kept.id)?.evidenceReason).toBe(
      "The same result was later shown in a human trial.",
    );
    expect(cards.find((c) => c.id === plain.id)?.evidenceReason).toBeNull();
  });

  it("edits, accepts and rejects only the owner's drafts", async () => {
    const owner = await createLearner();
    const other = await createLearner();
    const { id } = await bring(owner.id, utf8(MARKDOWN), "md");
    const draft = await getDraft(owner.id, id);
    const first = draft?.items[0];
    if (!first) throw new Error("no proposals");
    expect(await getDraft(other.id, id)).toBeNull();
    await expect(setDraftStatus(other.id, id, [first.id], "rejected", T0)).rejects.toThrow(NotFoundError);
    await expect(
      saveDraftCard(
        other.id,
        id,
        null,
        {
          kind: "basic",
          front: "Stolen?",
          back: "Yes",
          evidence: "background",
          quote: K2_PARAGRAPHS[2],
          reason: null,
        },
        T0,
      ),
    ).rejects.toThrow(NotFoundError);
    await expect(publishDraft(other.id, id, { title: "Mine now", description: "" }, T0)).rejects.toThrow(
      NotFoundError,
    );
    expect((await db.draftItem.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("proposed");
    expect(await db.deck.count({ where: { ownerId: other.id } })).toBe(0);
  });
});

describe("the question editor", () => {
  const TABLE = `${MARKDOWN}\n| Form | Half-life | Source |\n| --- | --- | --- |\n| MK-4 | a few hours | meat and eggs |\n| MK-7 | about three days | natto |\n`;

  async function questions(ownerId: string) {
    const { id } = await bring(ownerId, utf8(TABLE), "md");
    const items = (await getDraft(ownerId, id))?.items ?? [];
    const of = (kind: string) => {
      const item = items.find((i) => i.payload.kind === kind);
      if (item?.payload.target !== "quiz") throw new Error(`no ${kind} proposed`);
      return { ...item, payload: item.payload };
    };
    return { id, items, of };
  }

  const edit = (payload: QuizPayload, change: Partial<QuizEditInput> = {}): QuizEditInput => ({
    prompt: payload.prompt,
    choices: payload.choices,
    answer: payload.answer === null ? null : payload.choices.indexOf(payload.answer),
    pairs: payload.pairs ?? [],
    explanation: payload.explanation,
    quotes: payload.quotes,
    evidence: payload.evidence,
    reason: null,
    ...change,
  });

  it("saves an edited multiple-choice question, accepted, with its answer among distinct options", async () => {
    const owner = await createLearner();
    const { id, of } = await questions(owner.id);
    const mc = of("multiple-choice");
    const choices = [
      ...mc.payload.choices.filter((c) => c !== mc.payload.answer),
      "90 µg",
      mc.payload.answer ?? "",
    ];
    const saved = await saveDraftQuiz(
      owner.id,
      id,
      mc.id,
      edit(mc.payload, {
        prompt: "How much MK-7 a day did the three-year trial give?",
        choices,
        answer: choices.length - 1,
        explanation: "180 µg a day, for three years.",
      }),
      T0,
    );
    expect(saved.id).toBe(mc.id);
    expect(saved.status).toBe("accepted");
    expect(saved.payload).toMatchObject({
      target: "quiz",
      kind: "multiple-choice",
      prompt: "How much MK-7 a day did the three-year trial give?",
      choices,
      answer: mc.payload.answer,
      explanation: "180 µg a day, for three years.",
    });
    expect((await getDraft(owner.id, id))?.items.find((i) => i.id === mc.id)?.payload).toEqual(saved.payload);
  });

  it("refuses a right answer outside the options, repeated options and a quote not in the document, changing nothing", async () => {
    const owner = await createLearner();
    const other = await createLearner();
    const { id, of, items } = await questions(owner.id);
    const mc = of("multiple-choice");
    const fieldsOf = async (input: QuizEditInput, itemId = mc.id) => {
      const error = await saveDraftQuiz(owner.id, id, itemId, input, T0).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return Object.keys((error as ValidationError).fieldErrors);
    };
    expect(await fieldsOf(edit(mc.payload, { answer: null }))).toEqual(["answer"]);
    expect(await fieldsOf(edit(mc.payload, { answer: 7 }))).toEqual(["answer"]);
    expect(
      await fieldsOf(
        edit(mc.payload, { choices: [mc.payload.answer ?? "", ` ${mc.payload.answer}`, "x"], answer: 0 }),
      ),
    ).toEqual(["choices"]);
    expect(await fieldsOf(edit(mc.payload, { choices: [mc.payload.answer ?? ""], answer: 0 }))).toEqual([
      "choices",
    ]);
    expect(
      await fieldsOf(
        edit(mc.payload, { quotes: ["In a randomized controlled trial of 999 postmenopausal women"] }),
      ),
    ).toEqual(["quotes"]);
    // A label stronger than the quote's cue words needs a reason, as for cards.
    const rats = items.find(
      (i) =>
        i.payload.target === "quiz" &&
        i.payload.kind === "true-false" &&
        i.payload.quote.startsWith("In rats"),
    );
    if (rats?.payload.target !== "quiz") throw new Error("no true/false question on the rat finding");
    expect(await fieldsOf(edit(rats.payload, { evidence: "human-rct" }), rats.id)).toEqual(["evidence"]);
    // A matching question needs two complete pairs with distinct sides.
    const matching = of("matching");
    expect(
      await fieldsOf(
        edit(matching.payload, {
          pairs: [
            { left: "Half-life", right: "a few hours" },
            { left: "Half-life", right: "" },
          ],
        }),
        matching.id,
      ),
    ).toEqual(["pairs"]);
    // Cards are edited in the card editor; someone else's document is not found.
    const card = items.find((i) => i.payload.target === "card");
    await expect(saveDraftQuiz(owner.id, id, card?.id ?? "", edit(mc.payload), T0)).rejects.toThrow(
      ValidationError,
    );
    await expect(saveDraftQuiz(other.id, id, mc.id, edit(mc.payload), T0)).rejects.toThrow(NotFoundError);
    expect((await getDraft(owner.id, id))?.items).toEqual(items);
  });

  it("keeps true/false options fixed, and rebuilds a matching question's options from its pairs", async () => {
    const owner = await createLearner();
    const { id, of } = await questions(owner.id);
    const tf = of("true-false");
    const saved = await saveDraftQuiz(
      owner.id,
      id,
      tf.id,
      // Options sent for a true/false question are ignored; the index picks True or False.
      edit(tf.payload, { choices: ["Yes", "No"], answer: 0, prompt: "Natto is a source of MK-7." }),
      T0,
    );
    expect(saved.payload).toMatchObject({ choices: ["True", "False"], answer: "True", needsCheck: false });

    const matching = of("matching");
    const pairs = [
      { left: "Half-life", right: "a few hours" },
      { left: "Source", right: "meat, cheese and eggs" },
    ];
    const matched = await saveDraftQuiz(owner.id, id, matching.id, edit(matching.payload, { pairs }), T0);
    expect(matched.payload).toMatchObject({ pairs, answer: null });
    if (matched.payload.target !== "quiz") throw new Error("not a question");
    expect([...matched.payload.choices].sort()).toEqual(["a few hours", "meat, cheese and eggs"]);
  });
});

describe("publishing", () => {
  it("makes a deck whose cards cite the document, and an edit keeps learners' progress", async () => {
    const owner = await createLearner();
    const { documentId, slug, cards } = await publishedDeck(owner.id);
    const deck = await getDeck(slug, owner.id);
    expect(deck?.personal).toBe(true);
    expect(deck?.cards.map((card) => card.id).sort()).toEqual(cards.map((card) => card.id).sort());
    expect(deck?.cards[0]?.sources[0]?.document).toBe(documentId);
    expect(deck?.documentTitles[documentId]).toBe("Vitamin K2 and bone");
    expect((await getPublishedQuotes(documentId, slug)).length).toBeGreaterThan(0);

    const [kept, dropped] = cards;
    if (!kept || !dropped) throw new Error("needs two cards");
    await recordReview(
      owner.id,
      {
        idempotencyKey: key(),
        cardId: kept.id,
        rating: 3,
        expectedVersion: 0,
        answeredAt: T0.getTime(),
        durationMs: 900,
      },
      T0,
    );
    const stateBefore = await db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: owner.id, cardId: kept.id } },
    });
    if (kept.payload.target !== "card") throw new Error("card expected");
    await saveDraftCard(
      owner.id,
      documentId,
      kept.id,
      {
        kind: "basic",
        front: "Edited front?",
        back: kept.payload.back || "Edited back",
        evidence: kept.payload.evidence,
        quote: kept.payload.quote,
        reason: "Kept as the engine suggested it.",
      },
      T0,
    );
    await setDraftStatus(owner.id, documentId, [dropped.id], "rejected", T0);
    expect(await publishDraft(owner.id, documentId, { title: "K2 and bone", description: "Mine" }, T0)).toBe(
      slug,
    );

    const edited = await db.card.findUniqueOrThrow({ where: { id: kept.id } });
    expect([edited.front, edited.retired, edited.deckSlug]).toEqual(["Edited front?", false, slug]);
    expect((await db.card.findUniqueOrThrow({ where: { id: dropped.id } })).retired).toBe(true);
    const stateAfter = await db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: owner.id, cardId: kept.id } },
    });
    expect(stateAfter).toEqual(stateBefore);
    expect(await db.reviewLog.count({ where: { userId: owner.id, cardId: kept.id } })).toBe(1);
    const session = await getStudySession(owner.id, { deck: slug, cardIds: null }, T0);
    expect(JSON.stringify(session)).not.toContain(dropped.id);
  });
});

describe("the card editor of an imported deck", () => {
  it("adds, edits and retires cards of the owner's deck only, keeping ids and progress", async () => {
    const owner = await createLearner();
    const other = await createLearner();
    const file = new File(["front,back\nOne?,1\nTwo?,2\n"], "cards.csv", { type: "text/csv" });
    const { digest } = await readCardUpload(file);
    const slug = await importCardUpload(owner.id, { file, title: "Mine", digest }, T0);
    const [first] = (await getDeck(slug, owner.id))?.cards ?? [];
    if (!first) throw new Error("no card");
    await recordReview(
      owner.id,
      {
        idempotencyKey: key(),
        cardId: first.id,
        rating: 3,
        expectedVersion: 0,
        answeredAt: T0.getTime(),
        durationMs: 900,
      },
      T0,
    );
    await editPersonalCard(owner.id, first.id, { kind: "reversed", front: "One, edited?", back: "1" }, T0);
    const added = await addPersonalCard(
      owner.id,
      slug,
      {
        kind: "cloze",
        front: "{{c1::Three}} comes after two",
        back: "",
      },
      T0,
    );
    await expect(
      editPersonalCard(other.id, first.id, { kind: "basic", front: "Stolen", back: "x" }, T0),
    ).rejects.toThrow(NotFoundError);
    await expect(
      addPersonalCard(other.id, slug, { kind: "basic", front: "Mine?", back: "x" }, T0),
    ).rejects.toThrow(NotFoundError);
    await expect(retirePersonalCard(other.id, added)).rejects.toThrow(NotFoundError);
    expect(personalCardSchema.safeParse({ kind: "cloze", front: "Nothing hidden", back: "" }).success).toBe(
      false,
    );

    const cards = await db.card.findMany({ where: { deckSlug: slug }, orderBy: { position: "asc" } });
    expect(cards.find((card) => card.id === first.id)).toMatchObject({
      front: "One, edited?",
      kind: "reversed",
    });
    expect(cards.find((card) => card.id === `${first.id}.reverse`)).toMatchObject({
      front: "1",
      back: "One, edited?",
    });
    expect(await db.cardState.count({ where: { userId: owner.id, cardId: first.id } })).toBe(1);

    await retirePersonalCard(owner.id, first.id);
    const retired = await db.card.findMany({ where: { id: { in: [first.id, `${first.id}.reverse`] } } });
    expect(retired.map((card) => card.retired)).toEqual([true, true]);
    expect(await db.reviewLog.count({ where: { userId: owner.id, cardId: first.id } })).toBe(1);
    expect((await getDeck(slug, owner.id))?.cards.map((card) => card.id)).toEqual([
      expect.stringMatching(/-2$/),
      added,
    ]);
  });
});

describe("account caps on authored decks and added cards", () => {
  /** A deck of the owner's holding `count` cards, to bring the account up to a cap. */
  async function fillerDeck(ownerId: string, count: number) {
    const slug = `p-fill${key().slice(0, 8)}`;
    await db.deck.create({
      data: { slug, title: "Filler", description: "", position: 1_000_000, ownerId, createdAt: T0 },
    });
    for (let start = 0; start < count; start += 1000)
      await db.card.createMany({
        data: Array.from({ length: Math.min(1000, count - start) }, (_, i) => ({
          id: `${slug}-${start + i}`,
          deckSlug: slug,
          kind: "basic",
          front: "f",
          back: "b",
          evidence: "personal",
          sources: "[]",
          position: start + i,
        })),
      });
  }

  async function acceptCards(ownerId: string, documentId: string, count: number) {
    const draft = await getDraft(ownerId, documentId);
    const cards = (draft?.items ?? []).filter((item) => item.payload.target === "card").slice(0, count);
    await setDraftStatus(
      ownerId,
      documentId,
      cards.map((item) => item.id),
      "accepted",
      T0,
    );
  }

  it("refuses a 51st deck published from a document and writes nothing", async () => {
    const owner = await createLearner();
    const { id } = await bring(owner.id, utf8(MARKDOWN), "md");
    await acceptCards(owner.id, id, 2);
    await db.deck.createMany({
      data: Array.from({ length: PERSONAL_LIMITS.maxDecks }, (_, i) => ({
        slug: `p-cap${key().slice(0, 6)}${i}`,
        title: "Mine",
        description: "",
        position: 1_000_000 + i,
        ownerId: owner.id,
        createdAt: T0,
      })),
    });
    await expect(publishDraft(owner.id, id, { title: "One too many", description: "" }, T0)).rejects.toThrow(
      PersonalLimitError,
    );
    expect(await db.deck.count({ where: { ownerId: owner.id } })).toBe(PERSONAL_LIMITS.maxDecks);
    expect(await db.card.count({ where: { id: { startsWith: id } } })).toBe(0);
    expect((await db.userDocument.findUnique({ where: { id } }))?.deckSlug).toBeNull();
  });

  it("refuses cards past 20,000 when publishing or adding, and lets an edit that adds none through", async () => {
    const owner = await createLearner();
    const { id } = await bring(owner.id, utf8(MARKDOWN), "md");
    await acceptCards(owner.id, id, 1);
    const slug = await publishDraft(owner.id, id, { title: "K2", description: "" }, T0);
    const file = new File(["front,back\nOne?,1\n"], "cards.csv", { type: "text/csv" });
    const { digest } = await readCardUpload(file);
    const imported = await importCardUpload(owner.id, { file, title: "Mine", digest }, T0);
    const [own] = await db.card.findMany({ where: { deckSlug: imported } });
    if (!own) throw new Error("no card");
    const usage = await db.card.count({ where: { deck: { ownerId: owner.id } } });
    await fillerDeck(owner.id, PERSONAL_LIMITS.maxCards - usage);
    const before = await db.card.count({ where: { deck: { ownerId: owner.id } } });
    expect(before).toBe(PERSONAL_LIMITS.maxCards);

    await acceptCards(owner.id, id, 2);
    await expect(publishDraft(owner.id, id, { title: "K2, more", description: "" }, T0)).rejects.toThrow(
      PersonalLimitError,
    );
    expect((await db.deck.findUnique({ where: { slug } }))?.title).toBe("K2");
    await expect(
      addPersonalCard(owner.id, imported, { kind: "basic", front: "Two?", back: "2" }, T0),
    ).rejects.toThrow(PersonalLimitError);
    // Turning a card reversed adds its twin: a card too.
    await expect(
      editPersonalCard(owner.id, own.id, { kind: "reversed", front: "One?", back: "1" }, T0),
    ).rejects.toThrow(PersonalLimitError);
    expect(await db.card.count({ where: { deck: { ownerId: owner.id } } })).toBe(before);

    // What adds no card still goes through at the cap.
    await editPersonalCard(owner.id, own.id, { kind: "basic", front: "One, edited?", back: "1" }, T0);
    await acceptCards(owner.id, id, 1);
    await setDraftStatus(
      owner.id,
      id,
      ((await getDraft(owner.id, id))?.items ?? [])
        .filter((i) => i.payload.target === "card")
        .slice(1)
        .map((i) => i.id),
      "rejected",
      T0,
    );
    await publishDraft(owner.id, id, { title: "K2, renamed", description: "" }, T0);
    expect((await db.deck.findUnique({ where: { slug } }))?.title).toBe("K2, renamed");
  });
});

describe("the content seed", () => {
  it("leaves published authored questions alone", async () => {
    const owner = await createLearner();
    const { id } = await bring(owner.id, utf8(MARKDOWN), "md");
    const draft = await getDraft(owner.id, id);
    await setDraftStatus(owner.id, id, draft?.items.map((item) => item.id) ?? [], "accepted", T0);
    const slug = await publishDraft(owner.id, id, { title: "K2", description: "Mine" }, T0);
    const live = await db.quizItem.count({ where: { deckSlug: slug, retired: false } });
    expect(live).toBeGreaterThan(0);
    await seedContent(db, await loadContentFromDisk());
    expect(await db.quizItem.count({ where: { deckSlug: slug, retired: false } })).toBe(live);
  });
});

describe("privacy of authored decks", () => {
  it("keeps a learner's authored deck and document to the learner", async () => {
    const owner = await createLearner();
    const other = await createLearner();
    const { documentId, slug, cards } = await publishedDeck(owner.id);
    expect(await getDeck(slug, other.id)).toBeNull();
    expect((await listDecksWithEvidence(other.id)).map((d) => d.slug)).not.toContain(slug);
    expect(await getReadableDocument(other.id, documentId)).toBeNull();
    await expect(getStudySession(other.id, { deck: slug, cardIds: null }, T0)).rejects.toThrow(NotFoundError);
    await expect(
      recordReview(
        other.id,
        {
          idempotencyKey: key(),
          cardId: cards[0]?.id ?? "",
          rating: 3,
          expectedVersion: 0,
          answeredAt: T0.getTime(),
          durationMs: 900,
        },
        T0,
      ),
    ).rejects.toThrow(NotFoundError);
    // A trainer the learner is linked to cannot assign it either.
    const trainer = await createTrainer();
    const invitation = await createInvitation(trainer.id, { maxUses: 1, expiresInDays: 14 }, T0);
    await acceptInvitation(owner, invitation.code, { shareQuizAnswers: true }, T0);
    expect((await listAssignableDecks(trainer.id)).map((d) => d.slug)).not.toContain(slug);
    await expect(
      assignDeck(trainer.id, { clientIds: [owner.id], deckSlug: slug, goal: "all-introduced" }, T0),
    ).rejects.toThrow(NotFoundError);
  });

  it("shows a trainer's deck and its document to a client only while it is assigned", async () => {
    const trainer = await createTrainer();
    const client = await createLearner("Client");
    const stranger = await createLearner("Stranger");
    const invitation = await createInvitation(trainer.id, { maxUses: 2, expiresInDays: 14 }, T0);
    await acceptInvitation(client, invitation.code, { shareQuizAnswers: true }, T0);
    const { documentId, slug, cards } = await publishedDeck(trainer.id);

    // Unassigned: private even to the trainer's own client.
    expect(await getDeck(slug, client.id)).toBeNull();
    expect(await getReadableDocument(client.id, documentId)).toBeNull();
    await expect(getStudySession(client.id, { deck: slug, cardIds: null }, T0)).rejects.toThrow(
      NotFoundError,
    );

    expect((await listAssignableDecks(trainer.id)).map((d) => d.slug)).toContain(slug);
    const other = await createTrainer();
    await expect(
      assignDeck(other.id, { clientIds: [client.id], deckSlug: slug, goal: "all-introduced" }, T0),
    ).rejects.toThrow(NotFoundError);
    await assignDeck(trainer.id, { clientIds: [client.id], deckSlug: slug, goal: "all-introduced" }, T0);

    expect((await getDeck(slug, client.id))?.personal).toBe(false);
    expect((await listDecksWithEvidence(client.id)).map((d) => d.slug)).toContain(slug);
    expect((await getReadableDocument(client.id, documentId))?.own).toBe(false);
    const session = await getStudySession(client.id, { deck: slug, cardIds: null }, T0);
    expect(JSON.stringify(session)).toContain(cards[0]?.id);
    await recordReview(
      client.id,
      {
        idempotencyKey: key(),
        cardId: cards[0]?.id ?? "",
        rating: 3,
        expectedVersion: 0,
        answeredAt: T0.getTime(),
        durationMs: 900,
      },
      T0,
    );
    expect(await getDeck(slug, stranger.id)).toBeNull();
    expect(await getReadableDocument(stranger.id, documentId)).toBeNull();

    const assignment = await db.assignment.findFirstOrThrow({
      where: { clientId: client.id, deckSlug: slug },
    });
    await unassignDeck(trainer.id, assignment.id, T0);
    expect(await getDeck(slug, client.id)).toBeNull();
    expect(await getReadableDocument(client.id, documentId)).toBeNull();
    // The client's progress stays for a later assignment.
    expect(await db.cardState.count({ where: { userId: client.id, cardId: cards[0]?.id } })).toBe(1);
  });
});
