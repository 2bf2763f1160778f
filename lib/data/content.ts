import "server-only";
import { cache } from "react";
import { z } from "zod";
import { EVIDENCE_LEVELS, type EvidenceLevel, evidenceLevel, SOURCE_KINDS } from "@/lib/content/schema";
import { db } from "@/lib/db";
import { query } from "@/lib/query";
import { studyCardCount } from "@/lib/study/card-count";
import { visibleDeck, visibleDeckWhere } from "./deck-access";

// Content decks are the same for every learner; a personal deck (ownerId set) is shown to its owner only.

/** The signed-in learner whose personal decks are visible too; null for content decks only. */
type Viewer = string | null;

/** The decks a viewer may see: content decks, their own, and their trainer's assigned to them. */
const visibleTo = (viewerId: Viewer) => visibleDeckWhere(viewerId);

const citation = z.object({ document: z.string(), quote: z.string(), quoteId: z.string() });
const citations = z.array(citation);
const sourceKinds = z.array(z.enum(SOURCE_KINDS));

export type Citation = z.infer<typeof citation>;
export type EvidenceCounts = Record<EvidenceLevel, number>;

function emptyEvidenceCounts(): EvidenceCounts {
  return Object.fromEntries(EVIDENCE_LEVELS.map((level) => [level, 0])) as EvidenceCounts;
}

/** The JSON text columns hold what the seed wrote; anything else is a bug worth failing loudly on. */
function parseJson<T>(schema: z.ZodType<T>, text: string, what: string): T {
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`Stored ${what} is malformed: ${parsed.error.message}`);
  return parsed.data;
}

export interface DeckWithEvidence {
  slug: string;
  title: string;
  description: string;
  /** Cards to study, each direction of a reversed card counted (lib/study/card-count). */
  cardCount: number;
  /** Listed cards that are also studied back to front. */
  reversedCount: number;
  quizCount: number;
  /** Non-retired cards per evidence level. */
  evidence: EvidenceCounts;
  /** The viewer's own imported deck (only its owner ever sees one). */
  personal: boolean;
}

export async function listDecksWithEvidence(viewerId: string): Promise<DeckWithEvidence[]> {
  const visible = await visibleTo(viewerId);
  const reversed = new Map<string, number>();
  const [decks, mix, mirrors] = await Promise.all([
    db.deck.findMany({
      where: { retired: false, ...visible },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: {
        slug: true,
        title: true,
        description: true,
        ownerId: true,
        _count: {
          select: {
            // Every study card, as the dashboard and the study queue count them: its DeckCard rows,
            // its own cards and the ones it includes.
            memberships: { where: { card: { retired: false } } },
            quizItems: { where: { retired: false } },
          },
        },
      },
    }),
    query()
      .selectFrom("Card as c")
      .innerJoin("DeckCard as m", "m.cardId", "c.id")
      .innerJoin("Deck as d", "d.slug", "m.deckSlug")
      .select((eb) => ["m.deckSlug", "c.evidence", eb.fn.countAll<number>().as("n")])
      .where("c.retired", "=", false)
      .where("c.kind", "<>", "reverse")
      .where(visibleDeck("d", viewerId))
      .groupBy(["m.deckSlug", "c.evidence"])
      .execute(),
    db.deckCard.groupBy({
      by: ["deckSlug"],
      where: { card: { retired: false, kind: "reverse" }, deck: visible },
      _count: { _all: true },
    }),
  ]);
  for (const row of mirrors) reversed.set(row.deckSlug, row._count._all);
  const byDeck = new Map<string, EvidenceCounts>();
  for (const row of mix) {
    const level = evidenceLevel.safeParse(row.evidence);
    if (!level.success) continue;
    const counts = byDeck.get(row.deckSlug) ?? emptyEvidenceCounts();
    counts[level.data] += Number(row.n);
    byDeck.set(row.deckSlug, counts);
  }
  return decks.map(({ _count, ownerId, ...deck }) => ({
    ...deck,
    personal: ownerId === viewerId,
    cardCount: _count.memberships,
    reversedCount: reversed.get(deck.slug) ?? 0,
    quizCount: _count.quizItems,
    evidence: byDeck.get(deck.slug) ?? emptyEvidenceCounts(),
  }));
}

const storedCard = z.object({
  id: z.string(),
  kind: z.string(),
  front: z.string(),
  back: z.string(),
  evidence: evidenceLevel,
  caveat: z.string().nullable(),
  /** The author's reason for a level stronger than the quote's cue words (authored decks). */
  evidenceReason: z.string().nullable(),
  topic: z.string().nullable(),
  sources: z.string().transform((text) => parseJson(citations, text, "card sources")),
});
export type DeckCard = z.infer<typeof storedCard>;

export interface DeckDetail {
  slug: string;
  title: string;
  description: string;
  quizCount: number;
  cards: DeckCard[];
  /** Cards to study (lib/study/card-count): more than `cards` by the reversed ones. */
  cardCount: number;
  reversedCount: number;
  /** The cards per evidence level (for the filter). */
  evidence: EvidenceCounts;
  /** Titles of the documents the cards cite, by slug, for link text. */
  documentTitles: Record<string, string>;
  /** The viewer's own deck (imported or authored). */
  personal: boolean;
  /** Published from an uploaded document (its cards cite it and carry evidence levels). */
  authored: boolean;
}

/**
 * A deck with its non-retired cards in order; null when unknown, retired, or someone else's
 * personal deck (without a viewer, content decks only). Cached per request.
 */
export const getDeck = cache(async (slug: string, viewerId: Viewer = null): Promise<DeckDetail | null> => {
  const deck = await db.deck.findFirst({
    where: { slug, retired: false, ...(await visibleTo(viewerId)) },
    select: {
      slug: true,
      title: true,
      description: true,
      ownerId: true,
      // Its own cards and the ones it includes, in the deck's order.
      memberships: {
        // A reversed card's mirror is a study copy, not a card of its own to list.
        where: { card: { retired: false, kind: { not: "reverse" } } },
        orderBy: { position: "asc" },
        select: {
          card: {
            select: {
              id: true,
              kind: true,
              front: true,
              back: true,
              evidence: true,
              caveat: true,
              evidenceReason: true,
              topic: true,
              sources: true,
            },
          },
        },
      },
      userDocuments: { select: { id: true }, take: 1 },
      _count: { select: { quizItems: { where: { retired: false } } } },
    },
  });
  if (!deck) return null;
  const cards = deck.memberships.map(({ card }) => storedCard.parse(card));
  const cited = [...new Set(cards.flatMap((card) => card.sources.map((source) => source.document)))];
  const [documents, uploaded] = await Promise.all([
    db.document.findMany({ where: { slug: { in: cited } }, select: { slug: true, title: true } }),
    // An authored deck cites its uploaded document ("u-…"); its title is no secret to the deck's readers.
    db.userDocument.findMany({
      where: { id: { in: cited }, deckSlug: slug },
      select: { id: true, title: true },
    }),
  ]);
  return {
    slug: deck.slug,
    title: deck.title,
    description: deck.description,
    quizCount: deck._count.quizItems,
    cards,
    // One definition of a deck's size (lib/study/card-count): each direction of a reversed card.
    cardCount: studyCardCount(cards),
    reversedCount: cards.filter((card) => card.kind === "reversed").length,
    evidence: cards.reduce((counts, card) => {
      counts[card.evidence] += 1;
      return counts;
    }, emptyEvidenceCounts()),
    documentTitles: Object.fromEntries([
      ...documents.map((doc) => [doc.slug, doc.title]),
      ...uploaded.map((doc) => [doc.id, doc.title]),
    ]),
    personal: deck.ownerId !== null && deck.ownerId === viewerId,
    authored: deck.userDocuments.length > 0,
  };
});

const documentFields = {
  slug: true,
  title: true,
  kinds: true,
  author: true,
  publisher: true,
  year: true,
  reference: true,
} as const;

type StoredDocument = {
  slug: string;
  title: string;
  kinds: string;
  author: string | null;
  publisher: string | null;
  year: number | null;
  reference: string | null;
};

function toSourceSummary({ kinds, ...doc }: StoredDocument) {
  return { ...doc, kinds: parseJson(sourceKinds, kinds, "document kinds") };
}

export type SourceSummary = ReturnType<typeof toSourceSummary>;
export type SourceDocumentDetail = SourceSummary & { body: string };

export async function listSources(): Promise<SourceSummary[]> {
  const documents = await db.document.findMany({ orderBy: { title: "asc" }, select: documentFields });
  return documents.map(toSourceSummary);
}

/** A source document with its body exactly as received; null when unknown. Cached per request. */
export const getSource = cache(async (slug: string): Promise<SourceDocumentDetail | null> => {
  const doc = await db.document.findUnique({ where: { slug }, select: { ...documentFields, body: true } });
  if (!doc) return null;
  const { body, ...summary } = doc;
  return { ...toSourceSummary(summary), body };
});

export interface CitedQuote {
  quoteId: string;
  quote: string;
  /** How many non-retired cards and quiz items cite it. */
  citedBy: number;
}

/** Every passage of a document that a non-retired card or quiz item cites, once per quoteId. */
export async function getQuotesForSource(slug: string): Promise<CitedQuote[]> {
  // sources is JSON text, so the document filter is a substring prefilter; parsing decides.
  const where = { retired: false, sources: { contains: `"document":"${slug}"` } };
  const [cards, quizItems] = await Promise.all([
    // Learners' own cards cite nothing; the owner filter keeps it so if that ever changes.
    db.card.findMany({ where: { ...where, deck: { ownerId: null } }, select: { sources: true } }),
    db.quizItem.findMany({ where, select: { sources: true } }),
  ]);
  const quotes = new Map<string, CitedQuote>();
  for (const item of [...cards, ...quizItems]) {
    const cited = parseJson(citations, item.sources, "citations").filter(
      (source) => source.document === slug,
    );
    // An item citing the same passage twice still counts once.
    for (const { quoteId, quote } of new Map(cited.map((source) => [source.quoteId, source])).values()) {
      const known = quotes.get(quoteId);
      if (known) known.citedBy += 1;
      else quotes.set(quoteId, { quoteId, quote, citedBy: 1 });
    }
  }
  return [...quotes.values()];
}
