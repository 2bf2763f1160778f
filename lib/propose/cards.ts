import type { Claim } from "./claims";
import { suggestSentenceEvidence } from "./evidence";
import { proposalId } from "./ids";
import type { Sentence } from "./sentences";
import { keyTerms, type Term } from "./terms";
import type { CardProposal, ClaimKind, ProposalSource } from "./types";

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

/** The term a cloze card hides: a dose, a quantity, a code (MK-7), a name; never the whole sentence. */
export function hiddenTerm(claim: Claim): Term | null {
  const text = claim.sentence.text;
  const terms = keyTerms(text).filter((t) => t.text.length < text.length * 0.6);
  const rank = (t: Term) => ["dose", "quantity", "code", "name"].indexOf(t.kind);
  // Hiding the sentence's own subject leaves a card that asks "what is ___?"; prefer later terms.
  const sorted = [...terms].sort(
    (a, b) => rank(a) - rank(b) || (a.start === 0 ? 1 : 0) - (b.start === 0 ? 1 : 0),
  );
  return sorted[0] ?? null;
}

type Base = Omit<CardProposal, "kind" | "front" | "back" | "id" | "proposal">;

function base(document: string, claim: Claim, previous: Sentence | undefined): Base {
  const s = claim.sentence;
  const suggested = suggestSentenceEvidence(s.text, previous?.text);
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
  };
}

/**
 * One card per claim sentence: a reversed card for a definition ("X is …": front X, back the
 * sentence), a cloze card hiding its key term, number or dose, else a basic card asking what the
 * document says about the item's label or heading.
 */
export function claimCard(document: string, claim: Claim, previous: Sentence | undefined): CardProposal {
  const s = claim.sentence;
  const b = base(document, claim, previous);
  if (claim.definedTerm && claim.kinds.includes("definition")) {
    return {
      ...b,
      id: proposalId(document, "reversed", s.text),
      proposal: "reversed",
      kind: "reversed",
      claim: "definition",
      front: claim.definedTerm,
      back: s.text,
    };
  }
  const term = hiddenTerm(claim);
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
  const front = about
    ? `${about}: what does the document say?`
    : `What does the document say here: "${s.text.split(/\s+/).slice(0, 6).join(" ")} …"?`;
  return {
    ...b,
    id: proposalId(document, "basic", s.text),
    proposal: "basic",
    kind: "basic",
    front,
    back: s.text,
  };
}
