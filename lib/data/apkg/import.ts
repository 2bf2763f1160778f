import "server-only";
import { AppError, ValidationError } from "@/lib/errors";
import { readPackageBytes } from "@/lib/exchange/apkg/apkg-reader";
import { mediaNotices, packagePictures } from "@/lib/exchange/apkg/package-media";
import { APKG_LIMITS, type PackageContents } from "@/lib/exchange/apkg/package-read.mjs";
import { CARD_IMAGE_LIMITS } from "@/lib/images/image-type";
import { query } from "@/lib/query";
import { createPersonalDeck } from "../personal-decks";
import { loadLearnerSettings } from "../schedule-rows";
import { importedRows, writeImportedRows } from "./history";
import { discardPictures, writeImportedPictures } from "./pictures";

/**
 * An Anki package (.apkg, legacy collection schema 11) in, as a new personal deck of its importer:
 * cards, pictures, schedules and review history. The format is lib/exchange/apkg, the rules docs/apkg.md.
 */

/** A package Retain will not import; nothing was written. `status` is 413 (too large) or 422. */
export class PackageRejectedError extends AppError {}

export interface PackageImportResult {
  slug: string;
  cards: number;
  reviews: number;
  /** Pictures the imported cards show. */
  pictures: number;
  /** What was left out, in sentences to show (media, other note types, empty or long cards). */
  notices: string[];
}

const n = (value: number) => value.toLocaleString("en-GB");

function cardNotices({ skipped }: PackageContents): string[] {
  const notices: string[] = [];
  if (skipped.otherNoteTypes > 0)
    notices.push(`${n(skipped.otherNoteTypes)} cards of note types Retain cannot show were left out.`);
  if (skipped.empty > 0)
    notices.push(`${n(skipped.empty)} cards with no text (only images or sounds) were left out.`);
  if (skipped.tooLong > 0)
    notices.push(
      `${n(skipped.tooLong)} cards longer than ${n(APKG_LIMITS.maxFieldLength)} characters were left out.`,
    );
  return notices;
}

/**
 * Imports an .apkg as a new personal deck of its owner: basic, reversed and cloze notes, each
 * card with its first picture (PNG, JPEG, WebP, GIF up to the card picture size) and its review
 * history (ReviewLog rows with origin "import") with the schedule replayed from it. The size is
 * checked before anything is read; the package is read in a worker thread, and everything is
 * parsed and checked before the first write. The account's caps are claimed in the deck's first
 * write (createPersonalDeck); the deck stays hidden until its cards, pictures, schedules and
 * history are all written, and a failure removes what was written.
 */
export async function importPackage(
  ownerId: string,
  file: { name: string; size: number; bytes: () => Promise<Uint8Array<ArrayBuffer>> },
  title: string | undefined,
  now: Date,
): Promise<PackageImportResult> {
  if (file.size > APKG_LIMITS.maxBytes)
    throw new PackageRejectedError(
      `The package is larger than ${APKG_LIMITS.maxBytes / 1024 / 1024} MB.`,
      413,
    );
  if (file.size === 0) throw new ValidationError("Choose an .apkg file; this one is empty.");
  const reading = await readPackageBytes(await file.bytes());
  if ("refused" in reading) throw new PackageRejectedError(reading.refused, 422);
  const pictures = packagePictures(reading.media);
  const notices = [
    ...mediaNotices(reading.media, pictures.unsupported, CARD_IMAGE_LIMITS.maxBytes / 1024 / 1024),
    ...cardNotices(reading),
  ];
  if (reading.cards.length === 0)
    throw new PackageRejectedError(
      ["This package has no cards Retain can import.", ...notices].join(" "),
      422,
    );
  // The learner's own FSRS settings and weights: the schedules replayed are the ones their reviews would give.
  const settings = await loadLearnerSettings(query(), ownerId);
  let reviews = 0;
  let shown = 0;
  const createdPictures: string[] = [];
  let slug: string;
  try {
    slug = await createPersonalDeck(
      ownerId,
      {
        title: title || reading.deckName || file.name.replace(/\.apkg$/i, "").slice(0, 100) || "Anki deck",
        description: `Your own cards, imported from the Anki package ${file.name.slice(0, 100)}.`,
        cards: reading.cards,
      },
      now,
      {
        afterCards: async (deckSlug) => {
          shown = await writeImportedPictures(
            ownerId,
            deckSlug,
            reading.cards,
            pictures.byName,
            createdPictures,
          );
          // Replayed here, where the cards' ids are known, and before any of its rows is written.
          const rows = importedRows(ownerId, deckSlug, reading.cards, settings, now);
          await writeImportedRows(rows);
          reviews = rows.logs.length;
        },
      },
    );
  } catch (error) {
    // The deck and its cards are gone (createPersonalDeck); so go the pictures only it showed.
    await discardPictures(createdPictures).catch((cleanup: unknown) =>
      console.error("Removing the pictures of a failed .apkg import failed", cleanup),
    );
    throw error;
  }
  const cards = reading.cards.reduce((sum, card) => sum + (card.mirror ? 2 : 1), 0);
  return { slug, cards, reviews, pictures: shown, notices };
}
