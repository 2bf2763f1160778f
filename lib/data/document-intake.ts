import "server-only";
import { randomBytes } from "node:crypto";
import { toDraftItem } from "@/lib/authoring/from-proposal";
import { userDocumentId } from "@/lib/authoring/ids";
import { DOCUMENT_LIMITS } from "@/lib/authoring/limits";
import { extractInWorker } from "@/lib/documents/run-in-worker";
import { DocumentError, type DocumentFormat, type ExtractedDocument } from "@/lib/documents/types";
import { AppError, ValidationError } from "@/lib/errors";
import type { ProposalSet } from "@/lib/propose/types";
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
  timeout: 422,
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
  onProgress?: (stage: "extracting" | "proposing", fraction: number | null) => void,
): Promise<{ id: string; existing: boolean }> {
  if (input.bytes.byteLength > DOCUMENT_LIMITS.maxBytes)
    throw new DocumentRejectedError("The document is larger than 10 MB.", 413, "too-large");
  if (input.bytes.byteLength === 0) throw new DocumentRejectedError("The document is empty.", 422, "empty");
  const id = userDocumentId(randomBytes(8).toString("hex"));
  let extracted: ExtractedDocument;
  let proposals: ProposalSet | undefined;
  try {
    ({ document: extracted, proposals } = await extractInWorker(input.bytes, {
      ...(input.fileName ? { fileName: input.fileName } : {}),
      format: input.format,
      maxBytes: DOCUMENT_LIMITS.maxBytes,
      propose: { document: id, ...(input.title ? { title: input.title } : {}) },
      ...(onProgress ? { onProgress: (stage, fraction) => onProgress(stage, fraction ?? null) } : {}),
    }));
  } catch (error) {
    if (error instanceof DocumentError)
      throw new DocumentRejectedError(error.message, STATUS_BY_CODE[error.code] ?? 422, error.code);
    throw error;
  }
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
  const items = [...(proposals?.cards ?? []), ...(proposals?.quiz ?? [])].flatMap(
    (proposal) => toDraftItem(proposal) ?? [],
  );
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
