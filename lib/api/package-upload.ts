import "server-only";
import { PackageRejectedError } from "@/lib/data/apkg/import";
import { ValidationError } from "@/lib/errors";
import { APKG_LIMITS } from "@/lib/exchange/apkg/package-read.mjs";
import { packageUploadSchema } from "@/lib/validations/package";

/** Room for the title field and multipart boundaries around the file itself. */
const FORM_OVERHEAD = 64 * 1024;
const TOO_LARGE = `The package is larger than ${APKG_LIMITS.maxBytes / 1024 / 1024} MB.`;

/** The body, never more than `limit` bytes of it: a body without (or lying about) its length is cut off. */
async function readCapped(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (declared > limit) throw new PackageRejectedError(TOO_LARGE, 413);
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel();
        throw new PackageRejectedError(TOO_LARGE, 413);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** The .apkg upload form (multipart: `file`, optional `title`), size-capped before it is parsed. */
export async function readPackageForm(request: Request): Promise<{ file: File; title?: string }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data"))
    throw new ValidationError("Send the package as a form (multipart/form-data).");
  const body = await readCapped(request, APKG_LIMITS.maxBytes + FORM_OVERHEAD);
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
