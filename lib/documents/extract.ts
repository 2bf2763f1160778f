import { parseComparisonTables } from "../content/comparison-tables";
import { docxToText } from "./docx";
import { htmlToText } from "./html";
import { languageWarning } from "./language";
import { markdownToText } from "./markdown";
import { countWords, normalizeText, textChecksum } from "./normalize";
import { pdfToText } from "./pdf";
import {
  DEFAULT_MAX_BYTES,
  DocumentError,
  type DocumentFormat,
  type DocumentWarning,
  type ExtractedDocument,
  type ExtractOptions,
} from "./types";

const EXTENSIONS: Record<string, DocumentFormat> = {
  md: "md",
  markdown: "md",
  txt: "txt",
  text: "txt",
  html: "html",
  htm: "html",
  xhtml: "html",
  pdf: "pdf",
  docx: "docx",
};
const MIME_TYPES: Record<string, DocumentFormat> = {
  "text/markdown": "md",
  "text/x-markdown": "md",
  "text/plain": "txt",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
};

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // PK.. (a .docx is a zip)

/** The format from the name, the MIME type, then the first bytes; null when none of them says. */
export function detectFormat(bytes: Uint8Array, options: ExtractOptions): DocumentFormat | null {
  if (options.format) return options.format;
  const ext = /\.([a-z0-9]+)$/i.exec(options.fileName ?? "")?.[1]?.toLowerCase();
  if (ext) return EXTENSIONS[ext] ?? null;
  const mime = options.mimeType?.split(";")[0]?.trim().toLowerCase();
  if (mime && MIME_TYPES[mime]) return MIME_TYPES[mime];
  if (startsWith(bytes, PDF_MAGIC)) return "pdf";
  if (startsWith(bytes, ZIP_MAGIC)) return "docx";
  return null;
}

/**
 * Text formats must decode as UTF-8 and hold no NUL or other control bytes (a renamed image, a
 * zip or an executable does); a PDF or DOCX must start with its own signature.
 */
function decodeText(bytes: Uint8Array, format: DocumentFormat): string {
  if (bytes.includes(0)) throw binary(format);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw binary(format);
  }
  const controls = text.match(/(?![\n\r\t\f])\p{Cc}/gu)?.length ?? 0;
  if (controls > Math.max(2, text.length * 0.001)) throw binary(format);
  return text.replace(/^\ufeff/, "");
}

const binary = (format: DocumentFormat) =>
  new DocumentError(
    "binary",
    `This file is not readable ${format.toUpperCase()} text (it looks binary or is not UTF-8).`,
  );

const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/**
 * Extracts normalized text from an uploaded document. Pure apart from the parsers (no I/O), so it
 * runs anywhere, a worker thread included. Throws `DocumentError` for bad input, with a message
 * for the user; the size is checked before any parsing.
 */
export async function extractDocument(
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<ExtractedDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) {
    throw new DocumentError(
      "too-large",
      `This file is ${megabytes(bytes.byteLength)}; the limit is ${megabytes(maxBytes)}.`,
    );
  }
  if (bytes.byteLength === 0) throw new DocumentError("empty", "This file is empty.");
  const format = detectFormat(bytes, options);
  if (!format) {
    throw new DocumentError("unsupported-format", "Upload a .md, .txt, .html, .pdf or .docx file.");
  }
  if (format === "pdf" && !startsWith(bytes, PDF_MAGIC)) {
    throw new DocumentError("unreadable", "This file is named .pdf but is not a PDF.");
  }
  if (format === "docx" && !startsWith(bytes, ZIP_MAGIC)) {
    throw new DocumentError(
      "unreadable",
      "This file is named .docx but is not a Word document (.doc files are not supported).",
    );
  }
  const raw =
    format === "pdf"
      ? await pdfToText(bytes, options.onProgress)
      : format === "docx"
        ? await docxToText(bytes)
        : format === "html"
          ? await htmlToText(decodeText(bytes, format), { article: true })
          : format === "md"
            ? markdownToText(decodeText(bytes, format))
            : { text: decodeText(bytes, format) };
  options.onProgress?.(1);
  return finish(format, raw.text, raw.title);
}

/** Pasted text or Markdown: the same checks and normalization as an uploaded file. */
export function extractPastedText(
  text: string,
  format: "md" | "txt" = "md",
  maxBytes = DEFAULT_MAX_BYTES,
): ExtractedDocument {
  if (Buffer.byteLength(text, "utf8") > maxBytes) {
    throw new DocumentError("too-large", `This text is over the limit of ${megabytes(maxBytes)}.`);
  }
  const raw = format === "md" ? markdownToText(text) : { text };
  return finish(format, raw.text, raw.title);
}

/** Plain text has no title markup; a short first line without a sentence end serves as one. */
function firstLineTitle(text: string): string | undefined {
  const first = text.split("\n", 1)[0]?.trim() ?? "";
  const short = first.length > 0 && first.split(/\s+/).length <= 15 && !/[.!?:;,]$/.test(first);
  return short && !first.startsWith("|") ? first : undefined;
}

function finish(format: DocumentFormat, rawText: string, rawTitle: string | undefined): ExtractedDocument {
  const text = normalizeText(rawText);
  const words = countWords(text);
  if (words === 0) {
    throw new DocumentError("empty", "This document has no text to read.");
  }
  const warnings: DocumentWarning[] = [];
  const language = languageWarning(text);
  if (language) warnings.push(language);
  const title = (rawTitle ? normalizeText(rawTitle) : firstLineTitle(text))?.slice(0, 200) || undefined;
  return {
    format,
    ...(title ? { title } : {}),
    text,
    checksum: textChecksum(text),
    tables: parseComparisonTables(text).length,
    words,
    warnings,
  };
}
