import "server-only";
import { randomBytes } from "node:crypto";
import { REVERSE_SUFFIX } from "@/lib/authoring/ids";
import type { PackagePicture } from "@/lib/exchange/apkg/package-media";
import type { PackageCard } from "@/lib/exchange/apkg/package-read.mjs";
import { query, transaction } from "@/lib/query";
import { personalCardId } from "../personal-decks";

/**
 * The pictures of an imported .apkg, stored as the card editor stores one (CardImage, once per
 * owner and SHA-256; docs/images.md) and put on the cards of the importer's new, still hidden deck.
 */

/** Bytes of pictures per transaction: a SQLite transaction holds the one write lock. */
const BYTES_PER_TRANSACTION = 8 * 1024 * 1024;
const IDS_PER_UPDATE = 500;

type Shown = { picture: PackagePicture; cardIds: string[] };

/**
 * Stores the pictures the deck's cards show and links them (a reversed card's mirror too); returns
 * how many pictures the cards show. The ids of the CardImage rows it creates go into `created` as
 * they commit, for `discardPictures` when the import fails after them.
 */
export async function writeImportedPictures(
  ownerId: string,
  slug: string,
  cards: readonly PackageCard[],
  pictures: ReadonlyMap<string, PackagePicture>,
  created: string[],
): Promise<number> {
  // sha256 → the picture and the cards that show it (two names may hold the same bytes).
  const bySha = new Map<string, Shown>();
  cards.forEach((card, index) => {
    const picture = card.image ? pictures.get(card.image) : undefined;
    if (!picture) return;
    const entry = bySha.get(picture.sha256) ?? { picture, cardIds: [] };
    const id = personalCardId(slug, index);
    entry.cardIds.push(id);
    if (card.mirror) entry.cardIds.push(`${id}${REVERSE_SUFFIX}`);
    bySha.set(picture.sha256, entry);
  });
  const batches: Shown[][] = [];
  let bytes = 0;
  for (const entry of bySha.values()) {
    if (batches.length === 0 || bytes + entry.picture.bytes.byteLength > BYTES_PER_TRANSACTION) {
      batches.push([]);
      bytes = 0;
    }
    batches.at(-1)?.push(entry);
    bytes += entry.picture.bytes.byteLength;
  }
  for (const batch of batches) {
    const ids = randomBytes(8 * batch.length).toString("hex");
    const inserted = await transaction(async (tx) => {
      // The owner may keep some of these pictures already: those rows stay as they are.
      const rows = await tx
        .insertInto("CardImage")
        .values(
          batch.map(({ picture }, i) => ({
            id: `i-${ids.slice(16 * i, 16 * (i + 1))}`,
            ownerId,
            mediaType: picture.mediaType,
            bytes: Buffer.from(picture.bytes.buffer, picture.bytes.byteOffset, picture.bytes.byteLength),
            sha256: picture.sha256,
            sizeBytes: picture.bytes.byteLength,
          })),
        )
        .onConflict((conflict) => conflict.columns(["ownerId", "sha256"]).doNothing())
        .returning("id")
        .execute();
      const stored = await tx
        .selectFrom("CardImage")
        .select(["id", "sha256"])
        .where("ownerId", "=", ownerId)
        .where(
          "sha256",
          "in",
          batch.map(({ picture }) => picture.sha256),
        )
        .execute();
      for (const { id, sha256 } of stored) {
        const cardIds = bySha.get(sha256)?.cardIds ?? [];
        for (let at = 0; at < cardIds.length; at += IDS_PER_UPDATE)
          await tx
            .updateTable("Card")
            .set({ imageId: id })
            .where("deckSlug", "=", slug)
            .where("id", "in", cardIds.slice(at, at + IDS_PER_UPDATE))
            .execute();
      }
      return rows;
    });
    // Recorded once committed: a rolled-back batch created nothing.
    created.push(...inserted.map((row) => row.id));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return bySha.size;
}

/** Removes pictures an import created that no card shows (the import failed after storing them). */
export async function discardPictures(ids: readonly string[]): Promise<void> {
  for (let start = 0; start < ids.length; start += IDS_PER_UPDATE)
    await query()
      .deleteFrom("CardImage")
      .where("id", "in", ids.slice(start, start + IDS_PER_UPDATE))
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("Card").select("Card.id").whereRef("Card.imageId", "=", "CardImage.id"))),
      )
      .execute();
}
