import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { REVERSE_SUFFIX } from "@/lib/authoring/ids";
import { db } from "@/lib/db";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors";
import { CARD_IMAGE_LIMITS, type CardImageType, sniffImageType } from "@/lib/images/image-type";
import { visibleDeckWhere } from "./deck-access";
import { getEditableDeck } from "./personal-cards";

/**
 * Pictures on a learner's own cards. The bytes are stored in the database (CardImage), so every
 * app instance serves them and a database backup carries them; see docs/images.md.
 */

/** A file that is no picture Retain takes (413 too large, 415 not PNG/JPEG/WebP/GIF); nothing was stored. */
export class ImageRejectedError extends AppError {}

const MEGABYTES = CARD_IMAGE_LIMITS.maxBytes / (1024 * 1024);

/** The picture's type, or why it is refused; checked on its size first, then its first bytes. */
export function checkCardImage(bytes: Uint8Array): CardImageType {
  if (bytes.byteLength === 0) throw new ValidationError("Choose a picture; this file is empty.");
  if (bytes.byteLength > CARD_IMAGE_LIMITS.maxBytes)
    throw new ImageRejectedError(`The picture is larger than ${MEGABYTES} MB.`, 413);
  const type = sniffImageType(bytes);
  if (!type) throw new ImageRejectedError("Choose a PNG, JPEG, WebP or GIF picture.", 415);
  return type;
}

/** Stores the owner's picture once (the same bytes again are the same row); returns its id. */
export async function storeCardImage(ownerId: string, bytes: Uint8Array): Promise<string> {
  const mediaType = checkCardImage(bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  // Two uploads of the same bytes may race: the unique (ownerId, sha256) makes them one row.
  const row = await db.cardImage.upsert({
    where: { ownerId_sha256: { ownerId, sha256 } },
    create: {
      id: `i-${randomBytes(8).toString("hex")}`,
      ownerId,
      mediaType,
      bytes: new Uint8Array(bytes),
      sha256,
      sizeBytes: bytes.byteLength,
    },
    update: {},
    select: { id: true },
  });
  return row.id;
}

/**
 * Puts a picture on (or, with null, takes it off) a card of the owner's imported deck and its
 * reversed mirror. Anyone else's card, or a content card, is "not found".
 */
export async function setPersonalCardImage(
  ownerId: string,
  cardId: string,
  bytes: Uint8Array | null,
): Promise<void> {
  const card = await db.card.findFirst({
    where: { id: cardId, kind: { not: "reverse" }, deck: { ownerId, retired: false } },
    select: { id: true, deckSlug: true },
  });
  const deck = card && (await getEditableDeck(ownerId, card.deckSlug));
  if (!card || !deck) throw new NotFoundError("This card does not exist.");
  if (deck.documentId) throw new ValidationError("Edit this deck's cards in the review of its document.");
  const imageId = bytes ? await storeCardImage(ownerId, bytes) : null;
  await db.card.updateMany({
    where: { deckSlug: card.deckSlug, id: { in: [card.id, `${card.id}${REVERSE_SUFFIX}`] } },
    data: { imageId },
  });
}

/**
 * A picture for a viewer: their own, or one on a card of a deck they may study (lib/data/deck-access:
 * a trainer's deck assigned to them over a standing link). Anything else is null, as for an unknown id.
 */
export async function getVisibleCardImage(
  viewerId: string,
  imageId: string,
): Promise<{ mediaType: string; bytes: Uint8Array } | null> {
  const image = await db.cardImage.findUnique({
    where: { id: imageId },
    select: { ownerId: true, mediaType: true, bytes: true },
  });
  if (!image) return null;
  if (image.ownerId !== viewerId) {
    const shown = await db.card.findFirst({
      where: { imageId, deck: { AND: [{ retired: false }, await visibleDeckWhere(viewerId)] } },
      select: { id: true },
    });
    if (!shown) return null;
  }
  return { mediaType: image.mediaType, bytes: image.bytes };
}

/** The pictures of some cards, by id, for an export (the caller has checked the deck is visible). */
export async function cardImagesById(
  imageIds: readonly string[],
): Promise<Map<string, { mediaType: string; bytes: Uint8Array }>> {
  if (imageIds.length === 0) return new Map();
  const rows = await db.cardImage.findMany({
    where: { id: { in: [...new Set(imageIds)] } },
    select: { id: true, mediaType: true, bytes: true },
  });
  return new Map(rows.map((row) => [row.id, { mediaType: row.mediaType, bytes: row.bytes }]));
}
