import { DEFAULT_MAX_BYTES, type DocumentFormat } from "../documents/types";

/**
 * What an author may bring. The byte cap is checked on the request's declared and actual size
 * before any parser sees the bytes; the character cap bounds what is stored and proposed from.
 */
export const DOCUMENT_LIMITS = {
  /** 10 MB: a long PDF article with figures; more is refused before parsing. */
  maxBytes: DEFAULT_MAX_BYTES,
  /** Pasted text, in characters: about 60,000 words. */
  maxPasteChars: 400_000,
  maxTitle: 200,
} as const;

const BY_EXTENSION: Record<string, DocumentFormat> = {
  txt: "txt",
  text: "txt",
  md: "md",
  markdown: "md",
  html: "html",
  htm: "html",
  pdf: "pdf",
  docx: "docx",
};

/** The format of an uploaded file by its extension (browsers send unreliable MIME types); null if not accepted. */
export function documentFormatOf(fileName: string): DocumentFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  return (extension && BY_EXTENSION[extension]) || null;
}

export const ACCEPTED_EXTENSIONS = ".md,.markdown,.txt,.html,.htm,.pdf,.docx";

export const FORMAT_NAMES: Record<DocumentFormat, string> = {
  md: "Markdown",
  txt: "Text",
  html: "Web page",
  pdf: "PDF",
  docx: "Word document",
};
