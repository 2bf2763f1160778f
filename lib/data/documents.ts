import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { DraftItemView, DraftStatus } from "@/lib/authoring/draft-item";
import { draftPayloadSchema } from "@/lib/authoring/draft-item";
import type { NewDraftItem } from "@/lib/authoring/from-proposal";
import { db } from "@/lib/db";
import type { DocumentFormat } from "@/lib/documents/types";
import { NotFoundError } from "@/lib/errors";
import { ASSIGNMENT_LIVE, LINK_STANDS } from "./trainer/access";

/**
 * Documents users brought and their drafts. A document is its owner's alone, except that a client
 * may read the document behind a deck their trainer (its owner) assigned to them, so the cards'
 * quotes can be followed. Every function takes the acting user and scopes by it.
 */

const INSERT_CHUNK = 200;

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export interface NewUserDocument {
  id: string;
  title: string;
  format: DocumentFormat;
  fileName: string | null;
  body: string;
  sizeBytes: number;
  warnings: string[];
  items: readonly NewDraftItem[];
}

/**
 * Stores a document once with its proposals as a draft, in one transaction. The same text brought
 * again by the same owner is the document they already have (its id is returned, nothing written).
 */
export async function storeUserDocument(
  ownerId: string,
  input: NewUserDocument,
  now: Date,
): Promise<{ id: string; existing: boolean }> {
  const sha256 = sha256Hex(input.body);
  const known = await db.userDocument.findUnique({
    where: { ownerId_sha256: { ownerId, sha256 } },
    select: { id: true },
  });
  if (known) return { id: known.id, existing: true };
  const unique = [...new Map(input.items.map((item) => [item.id, item])).values()];
  const rows = unique.map((item, position) => ({
    id: item.id,
    documentId: input.id,
    position,
    status: "proposed",
    target: item.target,
    kind: item.kind,
    payload: JSON.stringify(item.payload),
    origin: "proposed",
    updatedAt: now,
  }));
  const chunks = [];
  for (let start = 0; start < rows.length; start += INSERT_CHUNK)
    chunks.push(db.draftItem.createMany({ data: rows.slice(start, start + INSERT_CHUNK) }));
  try {
    await db.$transaction([
      db.userDocument.create({
        data: {
          id: input.id,
          ownerId,
          title: input.title,
          kind: input.format,
          fileName: input.fileName,
          body: input.body,
          sha256,
          sizeBytes: input.sizeBytes,
          warnings: JSON.stringify(input.warnings),
          createdAt: now,
        },
      }),
      ...chunks,
    ]);
  } catch (error) {
    // The same text stored by a concurrent request of the same owner: theirs wins.
    const raced = await db.userDocument.findUnique({
      where: { ownerId_sha256: { ownerId, sha256 } },
      select: { id: true },
    });
    if (raced) return { id: raced.id, existing: true };
    throw error;
  }
  return { id: input.id, existing: false };
}

export interface UserDocumentSummary {
  id: string;
  title: string;
  format: string;
  createdAt: Date;
  deckSlug: string | null;
  accepted: number;
  open: number;
}

export async function listUserDocuments(ownerId: string): Promise<UserDocumentSummary[]> {
  const [documents, counts] = await Promise.all([
    db.userDocument.findMany({
      where: { ownerId },
      orderBy: { createdAt: "desc" },
      select: { id: true, title: true, kind: true, createdAt: true, deckSlug: true },
    }),
    db.draftItem.groupBy({
      by: ["documentId", "status"],
      where: { document: { ownerId } },
      _count: { _all: true },
    }),
  ]);
  const count = (id: string, status: DraftStatus) =>
    counts.find((row) => row.documentId === id && row.status === status)?._count._all ?? 0;
  return documents.map(({ kind, ...doc }) => ({
    ...doc,
    format: kind,
    accepted: count(doc.id, "accepted"),
    open: count(doc.id, "proposed"),
  }));
}

export interface UserDocumentDetail {
  id: string;
  title: string;
  format: string;
  fileName: string | null;
  body: string;
  createdAt: Date;
  deckSlug: string | null;
  ownerName: string;
  /** The viewer owns it (else they read it as a client of its owner). */
  own: boolean;
}

/**
 * A document its viewer may read: their own, or the one behind a deck its owner (their trainer,
 * linked now) assigned to them. Anyone else's is null, like an unknown id.
 */
export async function getReadableDocument(viewerId: string, id: string): Promise<UserDocumentDetail | null> {
  const doc = await db.userDocument.findUnique({
    where: { id },
    select: {
      id: true,
      ownerId: true,
      title: true,
      kind: true,
      fileName: true,
      body: true,
      createdAt: true,
      deckSlug: true,
      owner: { select: { name: true } },
    },
  });
  if (!doc) return null;
  const own = doc.ownerId === viewerId;
  if (!own) {
    if (!doc.deckSlug) return null;
    const assigned = await db.assignment.count({
      where: {
        trainerId: doc.ownerId,
        clientId: viewerId,
        deckSlug: doc.deckSlug,
        ...ASSIGNMENT_LIVE,
        trainer: { clientLinks: { some: { clientId: viewerId, ...LINK_STANDS } } },
      },
    });
    if (assigned === 0) return null;
  }
  const { kind, ownerId: _owner, owner, ...rest } = doc;
  return { ...rest, format: kind, ownerName: owner.name, own };
}

const citation = z.array(z.object({ document: z.string(), quote: z.string(), quoteId: z.string() }));

/** The passages of a document that its published deck's cards and questions quote. */
export async function getPublishedQuotes(
  documentId: string,
  deckSlug: string | null,
): Promise<{ quoteId: string; quote: string; citedBy: number }[]> {
  if (!deckSlug) return [];
  const [cards, quiz] = await Promise.all([
    db.card.findMany({
      where: { memberships: { some: { deckSlug } }, retired: false, kind: { not: "reverse" } },
      select: { sources: true },
    }),
    db.quizItem.findMany({ where: { deckSlug, retired: false }, select: { sources: true } }),
  ]);
  const quotes = new Map<string, { quoteId: string; quote: string; citedBy: number }>();
  for (const row of [...cards, ...quiz]) {
    const parsed = citation.safeParse(JSON.parse(row.sources));
    if (!parsed.success) continue;
    const own = new Map(
      parsed.data
        .filter((source) => source.document === documentId)
        .map((source) => [source.quoteId, source]),
    );
    for (const { quoteId, quote } of own.values()) {
      const known = quotes.get(quoteId);
      if (known) known.citedBy += 1;
      else quotes.set(quoteId, { quoteId, quote, citedBy: 1 });
    }
  }
  return [...quotes.values()];
}

type StoredItem = {
  id: string;
  position: number;
  status: string;
  origin: string;
  evidenceReason: string | null;
  payload: string;
};

function toView(row: StoredItem): DraftItemView {
  return {
    id: row.id,
    position: row.position,
    status: row.status as DraftStatus,
    origin: row.origin === "author" ? "author" : "proposed",
    evidenceReason: row.evidenceReason,
    payload: draftPayloadSchema.parse(JSON.parse(row.payload)),
  };
}

const itemFields = {
  id: true,
  position: true,
  status: true,
  origin: true,
  evidenceReason: true,
  payload: true,
} as const;

export interface Draft {
  document: Omit<UserDocumentDetail, "ownerName" | "own">;
  items: DraftItemView[];
}

/** The owner's document with every draft item in order; someone else's is "not found". */
export async function getDraft(ownerId: string, documentId: string): Promise<Draft | null> {
  const doc = await db.userDocument.findFirst({
    where: { id: documentId, ownerId },
    select: {
      id: true,
      title: true,
      kind: true,
      fileName: true,
      body: true,
      createdAt: true,
      deckSlug: true,
      items: { orderBy: { position: "asc" }, select: itemFields },
    },
  });
  if (!doc) return null;
  const { kind, items, ...rest } = doc;
  return { document: { ...rest, format: kind }, items: items.map(toView) };
}

/** The owner's document body and deck, for checks; "not found" for anyone else. */
export async function requireOwnDocument(ownerId: string, documentId: string) {
  const doc = await db.userDocument.findFirst({
    where: { id: documentId, ownerId },
    select: { id: true, title: true, body: true, deckSlug: true },
  });
  if (!doc) throw new NotFoundError("This document does not exist.");
  return doc;
}

export async function getDraftItem(documentId: string, itemId: string): Promise<DraftItemView | null> {
  const row = await db.draftItem.findFirst({ where: { id: itemId, documentId }, select: itemFields });
  return row ? toView(row) : null;
}

export { toView as draftItemView };
