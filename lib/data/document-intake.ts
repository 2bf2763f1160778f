import "server-only";
import { randomBytes } from "node:crypto";
import { toDraftItem } from "@/lib/authoring/from-proposal";
import { userDocumentId } from "@/lib/authoring/ids";
import { DOCUMENT_LIMITS } from "@/lib/authoring/limits";
import { extractInWorker } from "@/lib/authoring/run-extraction";
import type { DocumentFormat } from "@/lib/documents/types";
import { AppError, ValidationError } from "@/lib/errors";
import { storeUserDocument } from "./documents";

/** Bad input found while reading the document: its message is for the user; nothing was stored. */
export class DocumentRejectedError extends AppError {
  constructor(
    message: string,
    status: number,
    readonly code: string,
  ) {
    super(message, status);
    this.details = { code };
  }
}

const STATUS_BY_CODE: Record<string, number> = {
  "too-large": 413,
  "unsupported-format": 415,
};

export interface BroughtDocument {
  bytes: Uint8Array;
  fileName: string | null;
  format: DocumentFormat;
  title: string | null;
  /** The author saw the "not English" warning and keeps the document anyway. */
  acceptNonEnglish: boolean;
}

/**
 * Takes a document in: size checked first, text extracted and items proposed in a worker thread,
 * then the text and the proposals stored as a draft. Bad input (empty, binary, a scan without a
 * text layer, too big) and an unconfirmed non-English text are refused with a clear message and
 * nothing stored.
 */
export async function bringDocument(
  ownerId: string,
  input: BroughtDocument,
  now: Date,
  onProgress?: (stage: "extracting" | "proposing", fraction: number) => void,
): Promise<{ id: string; existing: boolean }> {
  if (input.bytes.byteLength > DOCUMENT_LIMITS.maxBytes)
    throw new DocumentRejectedError("The document is larger than 10 MB.", 413, "too-large");
  if (input.bytes.byteLength === 0) throw new DocumentRejectedError("The document is empty.", 422, "empty");
  const id = userDocumentId(randomBytes(8).toString("hex"));
  const result = await extractInWorker({
    bytes: input.bytes,
    fileName: input.fileName ?? undefined,
    format: input.format,
    maxBytes: DOCUMENT_LIMITS.maxBytes,
    documentId: id,
    title: input.title ?? undefined,
    onProgress,
  });
  if (!result.ok)
    throw new DocumentRejectedError(result.message, STATUS_BY_CODE[result.code] ?? 422, result.code);
  const { extracted, proposals } = result;
  const notEnglish = extracted.warnings.find((warning) => warning.code === "not-english");
  if (notEnglish && !input.acceptNonEnglish)
    throw new DocumentRejectedError(
      `${notEnglish.message} Proposals and evidence cues work on English text only. Tick “Keep it anyway” to store it.`,
      422,
      "not-english",
    );
  const title = (input.title ?? extracted.title ?? input.fileName ?? "Untitled document")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, DOCUMENT_LIMITS.maxTitle);
  if (!title)
    throw new ValidationError("Give the document a title.", { title: ["Give the document a title."] });
  const items = [...proposals.cards, ...proposals.quiz].flatMap((proposal) => toDraftItem(proposal) ?? []);
  return storeUserDocument(
    ownerId,
    {
      id,
      title,
      format: extracted.format,
      fileName: input.fileName,
      body: extracted.text,
      sizeBytes: input.bytes.byteLength,
      warnings: extracted.warnings.map((warning) => warning.message),
      items,
    },
    now,
  );
}
