import { htmlToText } from "./html";
import { DocumentError } from "./types";

/** DOCX through mammoth's HTML (which keeps headings, lists and tables), then the HTML reader. */
export async function docxToText(bytes: Uint8Array): Promise<{ text: string; title?: string }> {
  let html: string;
  try {
    // Loaded on the first DOCX upload only.
    const mammoth = (await import("mammoth")).default;
    const result = await mammoth.convertToHtml({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    html = result.value;
  } catch {
    throw new DocumentError(
      "unreadable",
      "This Word file could not be read; save it again as .docx and retry.",
    );
  }
  const { text } = await htmlToText(html, { article: false });
  const title = /<h1[^>]*>([\s\S]*?)<\/h1>/i
    .exec(html)?.[1]
    ?.replace(/<[^>]+>/g, "")
    .trim();
  return { text, ...(title ? { title } : {}) };
}
