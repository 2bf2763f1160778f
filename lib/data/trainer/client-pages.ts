import "server-only";
import type { EvidenceLevel } from "@/lib/content/evidence";
import { getDeck } from "@/lib/data/content";
import { activeClients, assignmentRows, clientStatus, clientTotals } from "@/lib/data/trainer/client-rows";
import {
  type ClientDetail,
  type DeckInsight,
  getClientDetail,
  getDeckInsight,
} from "@/lib/data/trainer/dashboard";
import { listGroups, type TrainerGroupSummary } from "@/lib/data/trainer/groups";
import { listNotes, type TrainerNoteView } from "@/lib/data/trainer/notes";
import { type ClientHistory, getClientHistory } from "@/lib/data/trainer/progress";
import { assignmentMessages, listClientsWithAssignments } from "@/lib/data/trainer/roster";
import { NotFoundError } from "@/lib/errors";
import { REVERSE_SUFFIX } from "@/lib/seed/content";

/**
 * Named loaders for the trainer's client pages (moved from app/, issue 17): a page calls them in
 * parallel and calls notFound().
 */

export interface AssignedDeck {
  slug: string;
  title: string;
  /** Active clients with this deck assigned. */
  clients: number;
}

export interface ClientsSummary {
  clients: number;
  atRisk: number;
  reviews7d: number;
  /** Every deck this trainer has assigned to an active client, by title. */
  decks: AssignedDeck[];
}

/**
 * The summary strip and the deck list over all the trainer's active clients, whatever page or
 * search the table shows, composed from the table's own grouped statements (client-rows.ts).
 */
export async function getClientsSummary(trainerId: string, now: Date): Promise<ClientsSummary> {
  const clients = await activeClients(trainerId, now);
  const [totals, assignments] = await Promise.all([
    clientTotals(trainerId, clients, now),
    assignmentRows(trainerId, clients, now),
  ]);
  const decks = new Map<string, AssignedDeck>();
  let atRisk = 0;
  let reviews7d = 0;
  for (const client of clients) {
    const list = assignments.get(client.clientId) ?? [];
    if (clientStatus(list) === "at-risk") atRisk += 1;
    reviews7d += totals.get(client.clientId)?.reviews7d ?? 0;
    for (const a of list) {
      const deck = decks.get(a.deckSlug) ?? { slug: a.deckSlug, title: a.deckTitle, clients: 0 };
      deck.clients += 1;
      decks.set(a.deckSlug, deck);
    }
  }
  const byTitle = new Intl.Collator("en", { sensitivity: "base" });
  return {
    clients: clients.length,
    atRisk,
    reviews7d,
    decks: [...decks.values()].sort((a, b) => byTitle.compare(a.title, b.title)),
  };
}

async function orNull<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** Evidence levels of the decks' cards by card id (a reversed card's mirror shares its card's). */
async function evidenceOf(deckSlugs: readonly string[]): Promise<Map<string, EvidenceLevel>> {
  const decks = await Promise.all([...new Set(deckSlugs)].map((slug) => getDeck(slug)));
  const levels = new Map<string, EvidenceLevel>();
  for (const deck of decks) {
    for (const card of deck?.cards ?? []) {
      levels.set(card.id, card.evidence);
      levels.set(`${card.id}${REVERSE_SUFFIX}`, card.evidence);
    }
  }
  return levels;
}

export interface ClientPage {
  detail: ClientDetail;
  linkedAt: Date | null;
  evidence: Map<string, EvidenceLevel>;
}

/** A client's page, or null when they are unknown or not linked to this trainer. */
export async function loadClientPage(
  trainerId: string,
  clientId: string,
  now: Date,
): Promise<ClientPage | null> {
  const [detail, roster] = await Promise.all([
    orNull(getClientDetail(trainerId, clientId, now)),
    // ClientDetail has no link date yet; the roster has it (one query for all clients).
    listClientsWithAssignments(trainerId),
  ]);
  if (!detail) return null;
  const evidence = await evidenceOf(detail.weakestCards.map((card) => card.deckSlug));
  return { detail, linkedAt: roster.find((c) => c.id === clientId)?.linkedAt ?? null, evidence };
}

export interface InsightPage {
  insight: DeckInsight;
  evidence: Map<string, EvidenceLevel>;
}

/** Deck insight across the trainer's clients, or null for a deck that does not exist. */
export async function loadDeckInsight(
  trainerId: string,
  deckSlug: string,
  now: Date,
): Promise<InsightPage | null> {
  const [insight, evidence] = await Promise.all([
    orNull(getDeckInsight(trainerId, deckSlug, now)),
    evidenceOf([deckSlug]),
  ]);
  return insight && { insight, evidence };
}

export interface ClientTools {
  history: ClientHistory;
  notes: TrainerNoteView[];
  groups: TrainerGroupSummary[];
  /** The message each live assignment carries to the client, by assignment id. */
  messages: Map<string, string>;
}

/** History, private notes, groups and assignment messages for a client's page (null when not linked). */
export async function loadClientTools(
  trainerId: string,
  clientId: string,
  now: Date,
): Promise<ClientTools | null> {
  const [history, notes, groups, assignments] = await Promise.all([
    orNull(getClientHistory(trainerId, clientId, now)),
    orNull(listNotes(trainerId, clientId)),
    listGroups(trainerId),
    assignmentMessages(trainerId, clientId),
  ]);
  if (!history || !notes) return null;
  return { history, notes, groups, messages: assignments };
}
