import "server-only";
import { DOCUMENT_LIMITS, documentFormatOf } from "@/lib/authoring/limits";
import type { BroughtDocument } from "@/lib/data/document-intake";
import { DocumentRejectedError } from "@/lib/data/document-intake";
import { ValidationError } from "@/lib/errors";
import { documentUploadSchema } from "@/lib/validations/document";
import { readCappedBody } from "./capped-body";

/** Room for the form's other fields and multipart boundaries around the file itself. */
const FORM_OVERHEAD = 64 * 1024;
const TOO_LARGE = "The document is larger than 10 MB.";

/**
 * The upload form of a document, size-capped before anything is parsed: multipart with a `file`
 * (.md, .txt, .html, .pdf, .docx) or pasted `text`, a `title` and `acceptNonEnglish`.
 */
export async function readUploadForm(request: Request): Promise<BroughtDocument> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data") && !type.startsWith("application/x-www-form-urlencoded"))
    throw new ValidationError("Send the document as a form (multipart/form-data).");
  const body = await readCappedBody(
    request,
    DOCUMENT_LIMITS.maxBytes + FORM_OVERHEAD,
    () => new DocumentRejectedError(TOO_LARGE, 413, "too-large"),
  );
  let form: FormData;
  try {
    form = await new Response(body as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": type },
    }).formData();
  } catch {
    throw new ValidationError("The form could not be read. Choose the file again and retry.");
  }
  const fields = Object.fromEntries(
    ["file", "text", "title", "acceptNonEnglish"].flatMap((name) => {
      const value = form.get(name);
      return value === null || (value instanceof File && value.size === 0 && !value.name)
        ? []
        : [[name, value]];
    }),
  );
  const parsed = documentUploadSchema.safeParse(fields);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      errors[key] = [...(errors[key] ?? []), issue.message];
    }
    throw new ValidationError(parsed.error.issues[0]?.message ?? "The form is not valid.", errors);
  }
  const { file, text, title, acceptNonEnglish } = parsed.data;
  if (file && file.size > 0) {
    if (file.size > DOCUMENT_LIMITS.maxBytes) throw new DocumentRejectedError(TOO_LARGE, 413, "too-large");
    const format = documentFormatOf(file.name);
    if (!format)
      throw new DocumentRejectedError(
        "Choose a .md, .txt, .html, .pdf or .docx file.",
        415,
        "unsupported-format",
      );
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { bytes, fileName: file.name.slice(0, 200), format, title, acceptNonEnglish };
  }
  const pasted = new TextEncoder().encode(text ?? "");
  // Pasted text is Markdown or plain text; Markdown reads plain text unchanged but for its marks.
  return { bytes: pasted, fileName: null, format: "md", title, acceptNonEnglish };
}
