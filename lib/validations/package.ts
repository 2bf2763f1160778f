import { z } from "zod";
import { APKG_LIMITS } from "@/lib/exchange/apkg/package-read.mjs";

const MEGABYTES = APKG_LIMITS.maxBytes / (1024 * 1024);

/** An Anki package upload: the .apkg file (size checked before it is read) and an optional deck name. */
export const packageUploadSchema = z.object({
  file: z
    .instanceof(File, { error: "Choose an .apkg file." })
    .refine((file) => file.size > 0, "Choose an .apkg file; this one is empty.")
    .refine((file) => file.size <= APKG_LIMITS.maxBytes, `The package is larger than ${MEGABYTES} MB.`),
  title: z
    .string()
    .trim()
    .min(1)
    .max(100, "Keep the name under 100 characters.")
    .refine((title) => !/[\r\n\t]/.test(title), "Keep the name on one line.")
    .optional(),
});
