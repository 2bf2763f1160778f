import { z } from "zod";

export { FLAGS, flagName } from "@/lib/study/flags";

/** One change to a card's marks: suspend or unsuspend, bury or unbury (until the next study day), flag. */
export const cardMarkChangeSchema = z
  .strictObject({
    suspended: z.boolean({ error: "suspended must be true or false" }).optional(),
    buried: z.boolean({ error: "buried must be true or false" }).optional(),
    flag: z
      .number({ error: "flag must be a number from 0 to 4" })
      .int("flag must be a whole number from 0 to 4")
      .min(0, "flag must be 0 (none) to 4")
      .max(4, "flag must be 0 (none) to 4")
      .optional(),
  })
  .refine((change) => Object.keys(change).length > 0, "Say what to change: suspended, buried or flag.");
export type CardMarkChange = z.infer<typeof cardMarkChangeSchema>;

export const cardIdSchema = z.string().min(1, "A card id is required.").max(200, "That card id is too long.");

export const leechSettingsSchema = z.strictObject({
  leechThreshold: z.coerce
    .number({ error: "Enter a number of lapses" })
    .int("Enter a whole number")
    .min(1, "At least 1 lapse")
    .max(100, "At most 100 lapses"),
  leechAction: z.enum(["suspend", "tag"], { error: "Choose suspend or tag only" }),
});
