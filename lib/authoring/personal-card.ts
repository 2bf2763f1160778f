import { z } from "zod";
import { parseCloze } from "../study/cloze";
import { CARD_KINDS } from "./draft-item";

/**
 * A card of a personal (imported) deck as its owner writes it: no document behind it, so no quote
 * and the "personal" evidence level. A cloze card hides at least one part of its front.
 */
export const personalCardSchema = z
  .object({
    kind: z.enum(CARD_KINDS, { error: "Choose basic, reversed or cloze." }),
    front: z
      .string({ error: "Write the front." })
      .trim()
      .min(1, "Write the front.")
      .max(1000, "Keep the front under 1,000 characters."),
    back: z.string().trim().max(2000, "Keep the back under 2,000 characters.").default(""),
  })
  .superRefine((card, context) => {
    if (card.kind === "cloze" && !parseCloze(card.front).some((part) => part.hidden && part.text.trim()))
      context.addIssue({
        code: "custom",
        path: ["front"],
        message: "A cloze card hides at least one part of the front: write it as {{c1::hidden words}}.",
      });
    if (card.kind !== "cloze" && !card.back)
      context.addIssue({ code: "custom", path: ["back"], message: "Write the back." });
  });
export type PersonalCardInput = z.infer<typeof personalCardSchema>;
