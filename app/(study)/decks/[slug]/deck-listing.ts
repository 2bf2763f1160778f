import type { DeckCardView } from "@/app/ui/deck-card-item";
import type { EvidenceLevel } from "@/lib/content/schema";
import { type EvidenceCounts, getDeck } from "@/lib/data/content";
import { assignedClientCount } from "@/lib/data/deck-access";
import { getPersonalDeck, getPersonalDeckCards } from "@/lib/data/personal-decks";

/** Cards listed per page: a 5,000-card personal deck would otherwise render every card at once. */
export const CARDS_PER_PAGE = 50;

/** What the deck page shows: the deck, and one page of its cards (filtered by evidence level). */
export interface DeckListing {
  slug: string;
  title: string;
  description: string;
  /** The viewer's own deck: imported, or published from a document (`authored`). */
  personal: boolean;
  authored: boolean;
  /** For the owner's authored deck: how many clients it is assigned to (who else sees it). */
  assignedClients: number;
  quizCount: number;
  documentTitles: Record<string, string>;
  /** Per level, for the filter; null for an imported deck (its cards all carry one level). */
  evidence: EvidenceCounts | null;
  total: number;
  /** Cards to study (a reversed card counts twice) and how many are reversed: lib/study/card-count. */
  cardCount: number;
  reversedCount: number;
  /** Cards matching the filter (the total without one). */
  matching: number;
  page: number;
  pageCount: number;
  /** Position in the deck (1-based) of the first card listed. */
  first: number;
  cards: DeckCardView[];
}

/** An unknown or out-of-range page shows the nearest one. */
function pageWithin(asked: number, count: number) {
  const pageCount = Math.max(1, Math.ceil(count / CARDS_PER_PAGE));
  const page = Math.min(pageCount, Math.max(1, Number.isFinite(asked) ? Math.trunc(asked) : 1));
  return { page, pageCount, offset: (page - 1) * CARDS_PER_PAGE };
}

/**
 * The viewer's imported deck is read one page at a time; a content or authored deck (a few dozen
 * to a few hundred cards) is read whole by getDeck, which its evidence filter needs. Null: unknown, or someone else's.
 */
export async function loadDeckListing(
  viewerId: string,
  slug: string,
  filter: EvidenceLevel | null,
  askedPage: number,
): Promise<DeckListing | null> {
  const personal = await getPersonalDeck(viewerId, slug);
  if (personal) {
    const { page, pageCount, offset } = pageWithin(askedPage, personal.cardCount);
    return {
      ...personal,
      personal: true,
      authored: false,
      assignedClients: 0,
      quizCount: 0,
      documentTitles: {},
      evidence: null,
      total: personal.cardCount,
      cardCount: personal.cardCount,
      reversedCount: 0,
      matching: personal.cardCount,
      page,
      pageCount,
      first: offset + 1,
      cards: await getPersonalDeckCards(personal, offset, CARDS_PER_PAGE),
    };
  }
  const deck = await getDeck(slug, viewerId);
  if (!deck) return null;
  const assignedClients = deck.personal && deck.authored ? await assignedClientCount(viewerId, slug) : 0;
  const cards = filter ? deck.cards.filter((card) => card.evidence === filter) : deck.cards;
  const { page, pageCount, offset } = pageWithin(askedPage, cards.length);
  return {
    slug: deck.slug,
    title: deck.title,
    description: deck.description,
    personal: deck.personal,
    authored: deck.authored,
    assignedClients,
    quizCount: deck.quizCount,
    documentTitles: deck.documentTitles,
    // Content and authored decks carry evidence levels (imported decks are listed above).
    evidence: deck.evidence,
    total: deck.cards.length,
    cardCount: deck.cardCount,
    reversedCount: deck.reversedCount,
    matching: cards.length,
    page,
    pageCount,
    first: offset + 1,
    cards: cards.slice(offset, offset + CARDS_PER_PAGE),
  };
}

/** The deck's title alone, for the page's metadata. */
export async function deckTitle(viewerId: string, slug: string): Promise<string | null> {
  const personal = await getPersonalDeck(viewerId, slug);
  return personal?.title ?? (await getDeck(slug, viewerId))?.title ?? null;
}
