import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { DocumentError } from "./types";

const TERMINAL = /[.!?:;]["'”’)]?$/;

/**
 * PDF text arrives as visual lines. Lines are joined into paragraphs (a hyphen at a line end is
 * kept: "MK-\n7" stays "MK-7"), except after a line ending a sentence that is much shorter than
 * the page's lines (the end of a paragraph), and around short lines without a full stop (headings).
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
    current = current ? (current.endsWith("-") ? current + line : `${current} ${line}`) : line;
    if (TERMINAL.test(line) && line.length < width * 0.8) {
      out.push(current);
      current = "";
    }
  }
  if (current) out.push(current);
  return out.join("\n");
}

/** The text layer of a PDF; a PDF with pages but (almost) no text is a scan and is refused. */
export async function pdfToText(bytes: Uint8Array): Promise<{ text: string; title?: string }> {
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
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
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
    return { text: text.map(joinPdfLines).join("\n\n"), ...(title ? { title } : {}) };
  } finally {
    await pdf.destroy();
  }
}
