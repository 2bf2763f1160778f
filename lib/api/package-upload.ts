import "server-only";
import { PackageRejectedError } from "@/lib/data/apkg/import";
import { ValidationError } from "@/lib/errors";
import { APKG_LIMITS } from "@/lib/exchange/apkg/package-read.mjs";
import { packageUploadSchema } from "@/lib/validations/package";
import { readCappedBody } from "./capped-body";

/** Room for the title field and multipart boundaries around the file itself. */
const FORM_OVERHEAD = 64 * 1024;
const TOO_LARGE = `The package is larger than ${APKG_LIMITS.maxBytes / 1024 / 1024} MB.`;

/** The .apkg upload form (multipart: `file`, optional `title`), size-capped before it is parsed. */
export async function readPackageForm(request: Request): Promise<{ file: File; title?: string }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data"))
    throw new ValidationError("Send the package as a form (multipart/form-data).");
  const body = await readCappedBody(
    request,
    APKG_LIMITS.maxBytes + FORM_OVERHEAD,
    () => new PackageRejectedError(TOO_LARGE, 413),
  );
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw new ValidationError("The form could not be read. Choose the file again and retry.");
  }
  const title = form.get("title");
  const parsed = packageUploadSchema.safeParse({
    file: form.get("file") ?? undefined,
    title: typeof title === "string" && title.trim() !== "" ? title : undefined,
  });
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? "The form is not valid.");
  return parsed.data;
}
