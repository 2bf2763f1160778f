import { z } from "zod";
import { EVIDENCE_LEVELS } from "@/lib/content/evidence";

export const BROWSER_STATES = [
  "new",
  "learning",
  "review",
  "relearning",
  "suspended",
  "buried",
  "leech",
] as const;
export const BROWSER_DUE = ["overdue", "today", "week", "month"] as const;
export const BROWSER_SORTS = ["deck", "front", "due", "lapses", "evidence", "state"] as const;
export type BrowserSort = (typeof BROWSER_SORTS)[number];

/**
 * Anything unreadable in the URL falls back to "no filter" rather than an error page. An empty
 * field (the filter form's "Any") is no filter too: coerced, "" would read as 0 (flag: "any flag").
 */
const loose = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional()).catch(undefined);

/** The card browser's query, from its URL: every field optional, bad values ignored. */
export const cardBrowserQuerySchema = z.object({
  q: loose(z.string().trim().max(200)),
  deck: loose(z.string().trim().min(1).max(200)),
  state: loose(z.enum(BROWSER_STATES)),
  evidence: loose(z.enum(EVIDENCE_LEVELS)),
  due: loose(z.enum(BROWSER_DUE)),
  lapses: loose(z.coerce.number().int().min(1).max(1000)),
  /** 1–4 one colour, 0 "any flag". */
  flag: loose(z.coerce.number().int().min(0).max(4)),
  sort: z.enum(BROWSER_SORTS).catch("deck"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type CardBrowserQuery = z.infer<typeof cardBrowserQuerySchema>;

/** The browser's bulk action on the ticked cards. */
export const browserMarkSchema = z.strictObject({
  cardIds: z
    .array(z.string().min(1).max(200))
    .min(1, "Tick at least one card.")
    .max(100, "At most 100 cards at once."),
  op: z.enum(["suspend", "unsuspend", "bury", "unbury", "flag-0", "flag-1", "flag-2", "flag-3", "flag-4"], {
    error: "Choose what to do with the ticked cards.",
  }),
});

/** The flag filter's choices: any flag, or one colour. */
export const FLAGS_FILTER = [
  ["0", "Any flag"],
  ["1", "Red"],
  ["2", "Orange"],
  ["3", "Green"],
  ["4", "Blue"],
] as const;
