import type { Claim } from "./claims";
import { DATED_HEADLINE } from "./evidence";
import { proposalId } from "./ids";
import type { Sentence } from "./sentences";
import { isTopicTerm, keyTerm, type Term, type TermIndex } from "./terms";
import type { CardProposal, ClaimKind, ProposalSource, SuggestedEvidence } from "./types";

export function sourceOf(
  document: string,
  s: Pick<Sentence, "text" | "start" | "end" | "line">,
): ProposalSource {
  return { document, quote: s.text, start: s.start, end: s.end, line: s.line };
}

/** The main claim kind, for the author's filter: what the card asks about. */
function mainClaim(kinds: ClaimKind[]): ClaimKind {
  const order: ClaimKind[] = [
    "definition",
    "dose",
    "safety",
    "number",
    "food-source",
    "comparison",
    "finding",
  ];
  return order.find((k) => kinds.includes(k)) ?? "finding";
}

/** The term a cloze card hides (see `keyTerm`); never the document's own subject. */
export function hiddenTerm(claim: Claim, index: TermIndex): Term | null {
  return keyTerm(claim.sentence.text, claim.tokens, (t) => isTopicTerm(index, t));
}

// Advice to act on (or not): learnt whole, so a basic card rather than a cloze.
const ADVICE =
  /\b(?:consult|talk to|speak (?:to|with)|ask) (?:your|their|a|the)?\s*(?:doctor|physician|healthcare provider|pharmacist)|\bshould(?: not|n't)?\b|\bavoid\b|\bdo not\b|\bcaution\b|\bwarfarin\b|\bblood[-\s]thinn/i;

type Base = Omit<CardProposal, "kind" | "front" | "back" | "id" | "proposal">;

function base(document: string, claim: Claim, suggested: SuggestedEvidence): Base {
  const s = claim.sentence;
  const source = sourceOf(document, s);
  return {
    target: "card",
    claim: mainClaim(claim.kinds),
    evidence: suggested.level,
    suggested,
    quote: s.text,
    range: { start: s.start, end: s.end, line: s.line },
    sources: [source],
    needsCheck: false,
    ...(s.heading ? { topic: s.heading } : {}),
    ...(DATED_HEADLINE.test(s.text) ? { caveat: "headline" as const } : {}),
  };
}

/**
 * One card per claim sentence: a reversed card for a definition ("X is …": front X, back the
 * sentence), a cloze card hiding its key term, number or dose, else a basic card asking what the
 * document says about the item's label or heading.
 */
export function claimCard(
  document: string,
  claim: Claim,
  suggested: SuggestedEvidence,
  index: TermIndex,
): CardProposal {
  const s = claim.sentence;
  const b = base(document, claim, suggested);
  if (claim.definedTerm && claim.kinds.includes("definition")) {
    return {
      ...b,
      id: proposalId(document, "reversed", s.text),
      proposal: "reversed",
      kind: "reversed",
      claim: "definition",
      front: claim.definedTerm,
      back: claim.definition ?? s.text,
    };
  }
  // Safety advice is learnt whole: hiding one word of "consult your doctor first" teaches little.
  const advice = claim.kinds.includes("safety") && ADVICE.test(s.text);
  const term = advice ? null : hiddenTerm(claim, index);
  if (term) {
    const front = `${s.text.slice(0, term.start)}{{c1::${term.text}}}${s.text.slice(term.start + term.text.length)}`;
    return {
      ...b,
      id: proposalId(document, "cloze", front),
      proposal: "cloze",
      kind: "cloze",
      front,
      back: s.text,
    };
  }
  const about = s.label ?? s.heading;
  const front = advice
    ? `What safety advice does the document give${about ? ` under "${about}"` : ""}?`
    : `What does the document say${about ? ` about "${about}"` : " here"}?`;
  return {
    ...b,
    id: proposalId(document, "basic", s.text),
    proposal: "basic",
    kind: "basic",
    front,
    back: s.text,
    // Without a term to ask about, the question is generic: the author should word it.
    ...(advice ? {} : { needsCheck: true, checkReason: "No key term to ask about: write the question." }),
  };
}
