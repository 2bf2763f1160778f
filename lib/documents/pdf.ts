import { getDocumentProxy, getMeta } from "unpdf";
import { DocumentError } from "./types";

const TERMINAL = /[.!?:;]["'”’)]?$/;

/**
 * PDF text arrives as visual lines. Lines are joined into paragraphs, except after a line ending a
 * sentence that is much shorter than the page's lines (the end of a paragraph), and around short
 * lines without a full stop (headings). A word broken across lines ("vita-\nmin") is joined; a
 * hyphen before a digit or capital ("MK-\n7") is part of the word and stays.
 */
export function joinPdfLines(page: string): string {
  const lines = page.split("\n").map((l) => l.trim());
  const width = Math.max(0, ...lines.map((l) => l.length));
  const out: string[] = [];
  let current = "";
  for (const line of lines) {
    if (!line) {
      if (current) out.push(current);
      current = "";
      continue;
    }
    const heading = line.length < width * 0.6 && !TERMINAL.test(line) && /^[A-Z0-9]/.test(line);
    if (heading) {
      if (current) out.push(current);
      out.push(line);
      current = "";
      continue;
    }
    if (!current) current = line;
    else if (/\p{Ll}-$/u.test(current) && /^\p{Ll}/u.test(line)) current = current.slice(0, -1) + line;
    else current = current.endsWith("-") ? current + line : `${current} ${line}`;
    if (TERMINAL.test(line) && line.length < width * 0.8) {
      out.push(current);
      current = "";
    }
  }
  if (current) out.push(current);
  return out.join("\n");
}

const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/**
 * Running headers and footers (a journal name, a title, "Page 3 of 9") repeat on every page and
 * would read as headings or fragments: lines on more than half of three or more pages, and bare
 * page numbers, are dropped.
 */
export function dropPageFurniture(pages: string[]): string[] {
  // A running header often carries the page number at one end ("Bone Health · 3").
  const key = (line: string) => line.trim().replace(/^\d+\s+|\s+\d+$/g, "");
  const seen = new Map<string, number>();
  for (const page of pages) {
    for (const line of new Set(page.split("\n").map(key))) {
      if (line) seen.set(line, (seen.get(line) ?? 0) + 1);
    }
  }
  const repeated = (line: string) => pages.length >= 3 && (seen.get(key(line)) ?? 0) > pages.length / 2;
  return pages.map((page) =>
    page
      .split("\n")
      .filter((line) => !PAGE_NUMBER.test(line.trim()) && !repeated(line))
      .join("\n"),
  );
}

/** The text layer of a PDF; a PDF with pages but (almost) no text is a scan and is refused. */
export async function pdfToText(
  bytes: Uint8Array,
  onProgress?: (fraction: number) => void,
): Promise<{ text: string; title?: string }> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // unpdf transfers the buffer it is given; it gets a copy so the caller's bytes stay usable.
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch {
    throw new DocumentError(
      "unreadable",
      "This PDF could not be opened; it may be damaged or password-protected.",
    );
  }
  try {
    // Page by page (as unpdf's extractText joins a page's items) so a long PDF reports progress.
    const totalPages = pdf.numPages;
    const text: string[] = [];
    for (let number = 1; number <= totalPages; number++) {
      const content = await (await pdf.getPage(number)).getTextContent();
      text.push(
        content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""),
      );
      onProgress?.(number / totalPages);
    }
    const letters = text.join("").replace(/\s+/g, "").length;
    if (letters < 40 * Math.min(totalPages, 3)) {
      throw new DocumentError(
        "no-text-layer",
        "This PDF has no text layer (it looks like a scan or images only). Run OCR on it first, or paste the text.",
      );
    }
    const meta = await getMeta(pdf).catch(() => null);
    const title =
      typeof meta?.info?.Title === "string" && meta.info.Title.trim() ? meta.info.Title.trim() : undefined;
    return { text: dropPageFurniture(text).map(joinPdfLines).join("\n\n"), ...(title ? { title } : {}) };
  } finally {
    await pdf.destroy();
  }
}
