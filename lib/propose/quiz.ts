import type { ContentEvidenceLevel } from "../content/evidence";
import { hashSeed, seededShuffle } from "../quiz/random";
import { hiddenTerm } from "./cards";
import type { Claim } from "./claims";
import { STUDY_WORDS } from "./evidence";
import { proposalId } from "./ids";
import { siblingsOf, type TermIndex } from "./terms";
import type { CardProposal, QuizProposal } from "./types";

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
  const term = hiddenTerm(claim, index);
  if (!term) return null;
  const text = claim.sentence.text;
  const others = siblingsOf(index, term, text).slice(0, 3);
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
 * True/false, only where the key term has a sibling to swap in: by the seed, either the sentence
 * with the swap (false) or as written (true), so answers are not all "False". A swapped sentence
 * may by chance still be true, so it is flagged for the author's check.
 */
export function trueFalse(
  document: string,
  claim: Claim,
  card: CardProposal,
  index: TermIndex,
  seed: number,
): QuizProposal | null {
  const term = hiddenTerm(claim, index);
  const text = claim.sentence.text;
  const swapWith = term ? siblingsOf(index, term, text)[0] : undefined;
  if (!term || !swapWith) return null;
  const swap = (hashSeed(seed, text) & 1) === 0;
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
    needsCheck: swap,
    ...(swap
      ? {
          checkReason: `Made by swapping "${term.text}" for "${swapWith}"; confirm the swapped statement is false.`,
        }
      : {}),
  };
}

/** Choice wording per level; each reads back as its own level through lib/content/evidence-phrases. */
export const LEVEL_PHRASES: Record<ContentEvidenceLevel, string> = {
  "meta-analysis": "Meta-analysis of several studies",
  "human-rct": "Randomized controlled trial in humans",
  "human-study": "Observational or uncontrolled human study",
  animal: "Animal study",
  "in-vitro": "Cell culture (in vitro)",
  mechanism: "Proposed mechanism",
  unverified: "Unverified claim (no study design named)",
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
  if (!STUDY_WORDS.test(claim.sentence.text) && card.suggested.from === "cue") return null;
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
