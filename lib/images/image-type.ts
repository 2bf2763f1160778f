/**
 * Which picture formats a learner may put on a card, told by the file's first bytes (its magic
 * number), never by its name or the type the browser claims: a file named .png that holds HTML or
 * SVG is refused, so nothing served as an image can run script.
 */

export const CARD_IMAGE_LIMITS = Object.freeze({ maxBytes: 2 * 1024 * 1024 });

export const CARD_IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
export type CardImageType = (typeof CARD_IMAGE_TYPES)[number];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((value, i) => bytes[at + i] === value);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The picture's media type from its first bytes, or null when it is none of the four. */
export function sniffImageType(bytes: Uint8Array): CardImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  return null;
}

/** The file extension Anki's media folder expects for a type. */
export const IMAGE_EXTENSIONS: Record<CardImageType, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
};
