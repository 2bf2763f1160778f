import { createHash } from "node:crypto";

/**
 * The one text form every format is reduced to (quotes are taken from it): NFC, "\n" line ends,
 * no-break and odd spaces as plain spaces, zero-width characters and control codes removed,
 * spaces collapsed inside lines, at most one blank line in a row, no blank start or end.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "")
    .replace(/(?![\n\t])\p{Cc}/gu, "")
    .replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, " ")
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, " ").trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** `sha256:<hex>` of the UTF-8 text: the checksum stored with an extracted document. */
export function textChecksum(text: string): string {
  return `sha256:${createHash("sha256").update(text, "utf8").digest("hex")}`;
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}
