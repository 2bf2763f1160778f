import type { ContentEvidenceLevel } from "../content/evidence";
import { hashSeed, seededShuffle } from "../quiz/random";
import { hiddenTerm } from "./cards";
import type { Claim } from "./claims";
import { proposalId } from "./ids";
import { type Term, unitOf } from "./terms";
import type { CardProposal, QuizProposal } from "./types";

/** Sibling terms: the same kind of thing (doses, durations, codes, names) from the same document. */
export type TermIndex = Map<string, string[]>;

export function indexTerms(terms: Term[]): TermIndex {
  const index: TermIndex = new Map();
  for (const term of terms) {
    const key = unitOf(term);
    const list = index.get(key) ?? [];
    if (!list.some((t) => t.toLowerCase() === term.text.toLowerCase())) list.push(term.text);
    index.set(key, list);
  }
  return index;
}

function siblings(index: TermIndex, term: Term, sentence: string): string[] {
  const lower = sentence.toLowerCase();
  return (index.get(unitOf(term)) ?? []).filter(
    (t) => t.toLowerCase() !== term.text.toLowerCase() && !lower.includes(t.toLowerCase()),
  );
}

function quizBase(
  card: CardProposal,
): Omit<QuizProposal, "id" | "proposal" | "kind" | "prompt" | "choices" | "explanation"> {
  const { id, proposal, kind, front, back, target, ...meta } = card;
  return { ...meta, target: "quiz", cards: [id] };
}

/** Multiple choice: the sentence with its key term blanked; distractors are sibling terms. */
export function multipleChoice(
  document: string,
  claim: Claim,
  card: CardProposal,
  index: TermIndex,
  seed: number,
): QuizProposal | null {
  const term = hiddenTerm(claim);
  if (!term) return null;
  const text = claim.sentence.text;
  const others = siblings(index, term, text).slice(0, 3);
  if (others.length < 2) return null;
  const prompt = `${text.slice(0, term.start)}_____${text.slice(term.start + term.text.length)}`;
  const choices = seededShuffle([term.text, ...others], hashSeed(seed, prompt));
  return {
    ...quizBase(card),
    id: proposalId(document, "multiple-choice", prompt),
    proposal: "multiple-choice",
    kind: "multiple-choice",
    prompt: `Fill the blank: ${prompt}`,
    choices,
    answer: term.text,
    explanation: `The document says: "${text}"`,
    needsCheck: false,
  };
}

/**
 * True/false: by the seed, either the sentence as written (true) or with its key term swapped for
 * a sibling (false). A swapped sentence may by chance still be true, so it is flagged for a check.
 */
export function trueFalse(
  document: string,
  claim: Claim,
  card: CardProposal,
  index: TermIndex,
  seed: number,
): QuizProposal | null {
  const term = hiddenTerm(claim);
  const text = claim.sentence.text;
  const swapWith = term ? siblings(index, term, text)[0] : undefined;
  const swap = term && swapWith && hashSeed(seed, text) % 2 === 0;
  const prompt = swap
    ? `${text.slice(0, term.start)}${swapWith}${text.slice(term.start + term.text.length)}`
    : text;
  return {
    ...quizBase(card),
    id: proposalId(document, "true-false", prompt),
    proposal: "true-false",
    kind: "true-false",
    prompt,
    choices: ["True", "False"],
    answer: swap ? "False" : "True",
    explanation: swap
      ? `False: the document says ${term.text}, not ${swapWith}: "${text}"`
      : `True, as the document says: "${text}"`,
    needsCheck: Boolean(swap),
    ...(swap
      ? {
          checkReason: `Made by swapping "${term.text}" for "${swapWith}"; confirm the swapped statement is false.`,
        }
      : {}),
  };
}

/** Choice wording per level; each reads back as its own level through lib/content/evidencePhrases. */
export const LEVEL_PHRASES: Record<ContentEvidenceLevel, string> = {
  "meta-analysis": "Meta-analysis of several studies",
  "human-rct": "Randomized controlled trial in humans",
  "human-study": "Observational or uncontrolled human study",
  animal: "Animal study",
  "in-vitro": "Cell culture (in vitro)",
  mechanism: "Proposed mechanism",
  background: "Background fact",
};

/** Evidence check for a study finding: which kind of evidence is this sentence? */
export function evidenceCheck(
  document: string,
  claim: Claim,
  card: CardProposal,
  seed: number,
): QuizProposal | null {
  if (card.suggested.from !== "cue" && card.suggested.from !== "context") return null;
  const level = card.evidence;
  const text = claim.sentence.text;
  // Distractors: the nearest confusions (human vs animal vs cell), then the rest.
  const order: ContentEvidenceLevel[] = [
    "human-rct",
    "animal",
    "in-vitro",
    "human-study",
    "mechanism",
    "meta-analysis",
  ];
  const wrong = order.filter((l) => l !== level).slice(0, 3);
  const choices = seededShuffle(
    [level, ...wrong].map((l) => LEVEL_PHRASES[l]),
    hashSeed(seed, `evidence\n${text}`),
  );
  const words = card.suggested.cues.map((c) => `"${c.word}"`).join(", ");
  return {
    ...quizBase(card),
    id: proposalId(document, "evidence-check", text),
    proposal: "evidence-check",
    kind: "evidence-check",
    prompt: `What kind of evidence stands behind this finding? "${text}"`,
    choices,
    answer: LEVEL_PHRASES[level],
    explanation: `The sentence names ${words || "its study"}, so it is ${level} evidence.`,
    needsCheck: false,
  };
}
