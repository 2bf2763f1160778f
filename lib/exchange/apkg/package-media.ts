import { createHash } from "node:crypto";
import { type CardImageType, sniffImageType } from "@/lib/images/image-type";
import type { PackageContents } from "./package-read.mjs";

/**
 * The pictures of an Anki package that Retain keeps, by the rules of pictures added in the card
 * editor (docs/images.md): PNG, JPEG, WebP or GIF told by the first bytes, never the name; the
 * size was checked on the zip entry before it was inflated (package-read.mjs).
 */

export interface PackagePicture {
  mediaType: CardImageType;
  bytes: Uint8Array;
  /** SHA-256 (hex): a picture is stored once per owner. */
  sha256: string;
}

export interface PackagePictures {
  /** By the media name the cards' fields use. */
  byName: Map<string, PackagePicture>;
  /** Names of files that are no picture Retain shows (SVG, TIFF, a renamed file, an empty one). */
  unsupported: string[];
}

export function packagePictures(media: PackageContents["media"]): PackagePictures {
  const byName = new Map<string, PackagePicture>();
  const unsupported: string[] = [];
  for (const { name, bytes } of media.pictures) {
    const mediaType = sniffImageType(bytes);
    if (!mediaType) unsupported.push(name);
    else byName.set(name, { mediaType, bytes, sha256: createHash("sha256").update(bytes).digest("hex") });
  }
  return { byName, unsupported };
}

const n = (value: number) => value.toLocaleString("en-GB");

/** "a.png, b.png and 3 more": names listed, a few of them, each cut short. */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, 5).map((name) => `“${name.length > 60 ? `${name.slice(0, 59)}…` : name}”`);
  return names.length > shown.length
    ? `${shown.join(", ")} and ${n(names.length - shown.length)} more`
    : shown.join(", ");
}

/** What of the package's media was left out, in sentences to show. */
export function mediaNotices(
  media: PackageContents["media"],
  unsupported: readonly string[],
  maxPictureMegabytes: number,
): string[] {
  const notices: string[] = [];
  if (unsupported.length > 0)
    notices.push(
      `${n(unsupported.length)} pictures were left out because they are not PNG, JPEG, WebP or GIF: ${listed(unsupported)}.`,
    );
  if (media.tooLarge.length > 0)
    notices.push(
      `${n(media.tooLarge.length)} pictures larger than ${maxPictureMegabytes} MB were left out: ${listed(media.tooLarge)}.`,
    );
  if (media.missing.length > 0)
    notices.push(
      `${n(media.missing.length)} pictures the cards show are not in the package and were left out: ${listed(media.missing)}.`,
    );
  if (media.unshown > 0)
    notices.push(
      `${n(media.unshown)} pictures on the answer side, or after a card's first, were left out: a Retain card shows one picture, with its question.`,
    );
  if (media.sounds > 0) notices.push(`${n(media.sounds)} sounds were left out: Retain cards have no audio.`);
  return notices;
}
