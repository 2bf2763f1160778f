"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, fieldErrors } from "@/app/ui/form-state";
import { requireUser } from "@/lib/auth/session";
import {
  type CardUpload,
  ImportRejectedError,
  importCardUpload,
  personalLimitProblem,
  personalUsage,
  readCardUpload,
} from "@/lib/data/personal-decks";
import { DELIMITER_NAMES, type Delimiter } from "@/lib/exchange/card-import";
import { assertFormData } from "@/lib/validations/form-data";
import { cardUploadSchema, confirmImportSchema } from "@/lib/validations/personal-deck";

const SAMPLE_CARDS = 20;
const SHOWN_ERRORS = 100;
const SHOWN_LENGTH = 300;

export interface ImportPreview {
  fileName: string;
  delimiter: string;
  header: boolean;
  cardCount: number;
  /** The first cards, as they will be imported (long text cut for the preview). */
  sample: { line: number; cloze: boolean; front: string; back: string; tags: string[] }[];
  errors: { line: number | null; message: string }[];
  errorCount: number;
  /** Nothing can be imported (a problem of the whole file, or reading stopped at a limit). */
  blocked: boolean;
  /** Lines with problems that the learner may leave out to import the rest. */
  skippableLines: number;
  /** Rows repeating an earlier card (skipped on import): the first ones, and how many. */
  repeats: { line: number; firstLine: number }[];
  repeatCount: number;
  /** The separator the file seems to use instead, as the form's value ("semicolon"), or null. */
  suggestedDelimiter: string | null;
  /** Why the account cannot take these cards (deck or card cap), or null. */
  limit: string | null;
  /** Sent back on confirm: the server imports only the file it previewed. */
  digest: string;
}

export type ImportState =
  | { ok: true; preview: ImportPreview }
  | { ok: false; message: string; errors: Record<string, string[] | undefined>; preview?: ImportPreview }
  | null;

const DELIMITERS: Record<string, Delimiter | undefined> = {
  auto: undefined,
  comma: ",",
  semicolon: ";",
  tab: "\t",
};
const cut = (text: string) => (text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH)}…` : text);

function previewOf(fileName: string, upload: CardUpload, limit: string | null): ImportPreview {
  const { file, digest, cardCount } = upload;
  const blocked = !file.complete || file.errors.some((error) => error.line === null) || cardCount === 0;
  return {
    fileName,
    delimiter: DELIMITER_NAMES[file.delimiter],
    header: file.header,
    cardCount,
    sample: file.cards.slice(0, SAMPLE_CARDS).map((card) => ({
      line: card.line,
      cloze: card.kind === "cloze",
      front: cut(card.front),
      back: cut(card.back),
      tags: card.tags,
    })),
    errors: file.errors.slice(0, SHOWN_ERRORS),
    errorCount: file.errors.length,
    blocked,
    skippableLines: blocked ? 0 : file.problemLines,
    repeats: file.duplicates.slice(0, SHOWN_ERRORS),
    repeatCount: file.duplicateCount,
    suggestedDelimiter: file.suggestedDelimiter ? DELIMITER_NAMES[file.suggestedDelimiter] : null,
    limit,
    digest,
  };
}

const fields = (formData: FormData, names: readonly string[]) =>
  Object.fromEntries(names.flatMap((name) => (formData.has(name) ? [[name, formData.get(name)]] : [])));

/** Step 1: reads the file and shows what would be imported, with line-numbered errors. Writes nothing. */
export async function previewImportAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  try {
    const user = await requireUser();
    assertFormData(formData);
    const parsed = cardUploadSchema.safeParse(fields(formData, ["file", "delimiter"]));
    if (!parsed.success)
      return {
        ok: false,
        message: "Please fix the highlighted fields.",
        errors: fieldErrors(parsed.error.issues),
      };
    const upload = await readCardUpload(parsed.data.file, DELIMITERS[parsed.data.delimiter], {
      sample: SAMPLE_CARDS,
    });
    const limit = personalLimitProblem(await personalUsage(user.id), upload.cardCount);
    return { ok: true, preview: previewOf(parsed.data.file.name, upload, limit) };
  } catch (error) {
    return failure(error, "import preview");
  }
}

/**
 * Step 2: imports the previewed file into a new personal deck, only if it still reads without
 * problems, or with problem lines the learner chose to leave out (`skipProblems`).
 */
export async function confirmImportAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  let slug: string;
  let fileName = "";
  try {
    const user = await requireUser();
    assertFormData(formData);
    const parsed = confirmImportSchema.safeParse(
      fields(formData, ["title", "file", "delimiter", "digest", "skipProblems"]),
    );
    if (!parsed.success)
      return {
        ok: false,
        message: "Please fix the highlighted fields.",
        errors: fieldErrors(parsed.error.issues),
      };
    const { title, file, delimiter, digest, skipProblems } = parsed.data;
    fileName = file.name;
    slug = await importCardUpload(
      user.id,
      { file, delimiter: DELIMITERS[delimiter], title, digest, skipProblemLines: skipProblems === "on" },
      new Date(),
    );
  } catch (error) {
    if (error instanceof ImportRejectedError) {
      const preview = previewOf(fileName, error.upload, null);
      return { ok: false, message: error.message, errors: {}, preview };
    }
    return failure(error, "import");
  }
  revalidatePath("/decks");
  revalidatePath("/dashboard");
  redirect(`/decks/${slug}`);
}
