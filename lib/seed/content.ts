import { formatIssue } from "../content/issues";
import type { ContentBuild } from "../content/types";
import type { PrismaClient } from "../generated/prisma/client";

export interface ContentSeedResult {
  documents: number;
  decks: number;
  cards: number;
  quizItems: number;
  retired: number;
}

const citations = (sources: ContentBuild["decks"][number]["cards"][number]["sources"]) =>
  JSON.stringify(sources.map(({ document, quote, quoteId }) => ({ document, quote, quoteId })));

/**
 * Upserts all content by its stable ids, in one transaction. Items that left the content
 * files are retired, never deleted, so learners' history of them survives.
 */
export async function seedContent(db: PrismaClient, content: ContentBuild): Promise<ContentSeedResult> {
  if (content.errors.length) {
    throw new Error(
      `Content has errors; run npm run content:check\n${content.errors.map(formatIssue).join("\n")}`,
    );
  }
  const studied = content.decks.flatMap((deck) => studyCards(deck));
  const cardIds = studied.map((c) => c.id);
  const quizIds = content.decks.flatMap((d) => d.quiz.map((q) => q.id));
  const deckSlugs = content.decks.map((d) => d.slug);
  const taken = await db.deck.findFirst({ where: { slug: { in: deckSlugs }, ownerId: { not: null } } });
  if (taken) throw new Error(`Content deck "${taken.slug}" has the slug of a learner's personal deck`);

  const operations = [
    ...content.documents.map((doc) => {
      const data = {
        title: doc.title,
        kinds: JSON.stringify([doc.meta.kind].flat()),
        author: doc.meta.author ?? null,
        publisher: doc.meta.publisher ?? null,
        year: doc.meta.year ?? null,
        reference: doc.meta.reference ?? null,
        originalFile: doc.meta.originalFile,
        file: doc.file,
        body: doc.body,
      };
      return db.document.upsert({
        where: { slug: doc.slug },
        create: { slug: doc.slug, ...data },
        update: data,
      });
    }),
    ...content.decks.map((deck) => {
      const data = { title: deck.title, description: deck.description, position: deck.order, retired: false };
      return db.deck.upsert({
        where: { slug: deck.slug },
        create: { slug: deck.slug, ...data },
        update: data,
      });
    }),
    ...studied.map(({ id, ...data }) =>
      db.card.upsert({ where: { id }, create: { id, ...data }, update: data }),
    ),
    ...content.decks.flatMap((deck) =>
      deck.quiz.map((item, position) => {
        const data = {
          deckSlug: deck.slug,
          kind: item.kind,
          prompt: item.prompt,
          choices: JSON.stringify(item.choices),
          answer: JSON.stringify(item.kind === "matching" ? (item.pairs ?? []) : (item.answer ?? "")),
          explanation: item.explanation,
          evidence: item.evidence,
          caveat: item.caveatText,
          topic: item.topic ?? null,
          sources: citations(item.sources),
          cardIds: JSON.stringify(item.cards),
          position,
          retired: item.retired ?? false,
        };
        return db.quizItem.upsert({ where: { id: item.id }, create: { id: item.id, ...data }, update: data });
      }),
    ),
  ];
  // Which decks teach which card: rebuilt for the content decks on every seed (personal decks'
  // rows are left alone). After the card upserts, so every row's card exists.
  const membership = [
    db.deckCard.deleteMany({ where: { deck: { ownerId: null } } }),
    db.deckCard.createMany({ data: deckMemberships(content) }),
  ];
  // Learners' personal decks and their cards are not content: the seed never retires them.
  const retire = [
    db.card.updateMany({
      where: { id: { notIn: cardIds }, retired: false, deck: { ownerId: null } },
      data: { retired: true },
    }),
    db.quizItem.updateMany({
      where: { id: { notIn: quizIds }, retired: false, deck: { ownerId: null } },
      data: { retired: true },
    }),
    db.deck.updateMany({
      where: { slug: { notIn: deckSlugs }, retired: false, ownerId: null },
      data: { retired: true },
    }),
  ];
  const results = await db.$transaction([...operations, ...membership, ...retire]);
  const retired = results
    .slice(operations.length + membership.length)
    .reduce((sum, r) => sum + (r as { count: number }).count, 0);
  return {
    documents: content.documents.length,
    decks: content.decks.length,
    cards: cardIds.length,
    quizItems: quizIds.length,
    retired,
  };
}

/** The suffix of the second card a "reversed" card is studied as (answer side first). */
export const REVERSE_SUFFIX = ".reverse";

/**
 * The cards a deck is studied as: each content card, and for a "reversed" card also its
 * mirror (back shown first) with a schedule of its own, placed after the deck's other cards.
 */
function studyCards(deck: ContentBuild["decks"][number]) {
  const row = (card: (typeof deck.cards)[number], position: number) => ({
    id: card.id,
    deckSlug: deck.slug,
    kind: card.kind,
    front: card.front,
    back: card.back,
    evidence: card.evidence,
    caveat: card.caveatText,
    topic: card.topic ?? null,
    sources: citations(card.sources),
    position,
    retired: card.retired ?? false,
  });
  const forward = deck.cards.map(row);
  const mirrored = deck.cards
    .filter((card) => card.kind === "reversed")
    .map((card, i) => ({
      ...row(card, deck.cards.length + i),
      id: `${card.id}${REVERSE_SUFFIX}`,
      kind: "reverse",
      front: card.back,
      back: card.front,
    }));
  return [...forward, ...mirrored];
}

/**
 * DeckCard rows for the content: each deck teaches its own cards (and reversed cards' mirrors)
 * in study order, then the cards it includes from other decks, shown after its own.
 */
export function deckMemberships(
  content: ContentBuild,
): Array<{ deckSlug: string; cardId: string; position: number }> {
  const studied = new Map(
    content.decks.flatMap((deck) => studyCards(deck)).map((row) => [row.id, row] as const),
  );
  return content.decks.flatMap((deck) => {
    const own = studyCards(deck).map((row) => row.id);
    const included = deck.include.flatMap((id) =>
      [id, `${id}${REVERSE_SUFFIX}`].filter((cardId) => studied.has(cardId)),
    );
    return [...own, ...included].map((cardId, position) => ({ deckSlug: deck.slug, cardId, position }));
  });
}
