import { diffChars } from "diff";
import type { ReviewRating } from "@/lib/srs/types";
import { parseCloze } from "./cloze";

/** One run of the comparison: typed as expected, missing from what was typed, or typed in excess. */
export interface AnswerPart {
  text: string;
  kind: "same" | "missing" | "extra";
}

export interface TypedAnswerCheck {
  parts: AnswerPart[];
  /** Share of the expected answer's characters typed right, 0–1 (case and spacing ignored). */
  similarity: number;
  exact: boolean;
  /** Good when exact, Hard when nearly (a slip or two), Again otherwise; the learner may change it. */
  suggested: ReviewRating;
}

/** What the learner is asked to type: a cloze card's hidden parts, any other card's back. */
export function expectedAnswer(card: { kind: string; front: string; back: string }): string {
  if (card.kind === "cloze") {
    const hidden = parseCloze(card.front).flatMap((part) => (part.hidden ? [part.text] : []));
    if (hidden.length > 0) return hidden.join(", ");
  }
  return card.back;
}

/** Case, runs of spaces and a final full stop do not count against an answer. */
function normalize(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[.。]+$/, "")
    .toLowerCase();
}

/** At least this share of the characters right, and the answer is a slip rather than a miss. */
export const NEARLY_RIGHT = 0.85;

/** Compares what the learner typed with the expected answer, character by character. */
export function checkTypedAnswer(typed: string, expected: string): TypedAnswerCheck {
  const want = normalize(expected);
  const got = normalize(typed);
  const parts: AnswerPart[] = diffChars(got, want).map((change) => ({
    text: change.value,
    kind: change.added ? "missing" : change.removed ? "extra" : "same",
  }));
  const same = parts.filter((p) => p.kind === "same").reduce((n, p) => n + p.text.length, 0);
  const extra = parts.filter((p) => p.kind === "extra").reduce((n, p) => n + p.text.length, 0);
  // Typing more than the answer costs as much as leaving some out.
  const similarity =
    want.length === 0 ? (got.length === 0 ? 1 : 0) : Math.max(0, (same - extra) / want.length);
  const exact = got === want;
  const suggested: ReviewRating = exact ? 3 : got.length > 0 && similarity >= NEARLY_RIGHT ? 2 : 1;
  return { parts, similarity: Math.min(1, similarity), exact, suggested };
}
