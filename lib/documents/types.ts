/**
 * The contract of document extraction (lib/documents): bytes in, normalized text out, or a typed
 * error whose message can be shown to the user as is. Changes are announced in commit messages.
 */

export const DOCUMENT_FORMATS = ["md", "txt", "html", "pdf", "docx"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** Default upload limit; callers may pass their own `maxBytes`. Checked before any parsing. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export type ExtractOptions = {
  /** The uploaded file's name; its extension picks the parser when `format` is not given. */
  fileName?: string;
  /** A MIME type from the upload, used when the name has no known extension. */
  mimeType?: string;
  format?: DocumentFormat;
  maxBytes?: number;
  /** Share of the parsing done, 0–1 (a PDF reports page by page; other formats 1 when parsed). */
  onProgress?: (fraction: number) => void;
};

export type ExtractedDocument = {
  format: DocumentFormat;
  /** A title found in the document (HTML <title>, first Markdown heading, PDF metadata), if any. */
  title?: string;
  /**
   * Normalized text: Unicode NFC, "\n" line ends, one paragraph / list item / heading per line,
   * runs of blank lines collapsed, tables as GFM pipe rows. Quotes are taken from this text.
   */
  text: string;
  /** `sha256:<hex>` of `text` (UTF-8); the stored text is immutable and checked against it. */
  checksum: string;
  /** Number of GFM tables in `text`. */
  tables: number;
  words: number;
  /** Non-fatal problems to show the user, e.g. the text does not look English. */
  warnings: DocumentWarning[];
};

export type DocumentWarning = { code: "not-english"; message: string };

export const DOCUMENT_ERROR_CODES = [
  "empty",
  "binary",
  "too-large",
  "unsupported-format",
  "no-text-layer",
  "unreadable",
  /** Only from extractInWorker: the job ran past its time limit. */
  "timeout",
] as const;
export type DocumentErrorCode = (typeof DOCUMENT_ERROR_CODES)[number];

/** Bad input: `message` is safe and clear for the user; nothing should be stored. */
export class DocumentError extends Error {
  readonly code: DocumentErrorCode;
  constructor(code: DocumentErrorCode, message: string) {
    super(message);
    this.name = "DocumentError";
    this.code = code;
  }
}
