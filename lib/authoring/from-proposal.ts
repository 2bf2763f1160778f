import type { DraftPayload } from "./draft-item";
import { draftPayloadSchema } from "./draft-item";

/**
 * The part of a lib/propose proposal a draft keeps. Written structurally, so the draft does not
 * break when the engine adds fields; `toDraftItem` validates what it copies.
 */
export interface ProposalLike {
  id: string;
  target: "card" | "quiz";
  kind: string;
  claim?: string;
  evidence: string;
  suggested?: {
    level: string;
    from: string;
    cues: { word: string; level: string }[];
    disclaimed?: unknown[];
  };
  quote: string;
  sources: { quote: string }[];
  needsCheck?: boolean;
  checkReason?: string;
  front?: string;
  back?: string;
  prompt?: string;
  choices?: string[];
  answer?: string;
  pairs?: { left: string; right: string }[];
  explanation?: string;
  cards?: string[];
}

export interface NewDraftItem {
  id: string;
  target: "card" | "quiz";
  kind: string;
  payload: DraftPayload;
}

/** A proposal as a draft item, or null when it does not have the shape a draft can publish. */
export function toDraftItem(proposal: ProposalLike): NewDraftItem | null {
  const common = {
    kind: proposal.kind,
    evidence: proposal.evidence,
    quote: proposal.quote,
    suggested: proposal.suggested
      ? { ...proposal.suggested, disclaimed: (proposal.suggested.disclaimed ?? []) as never }
      : null,
    claim: proposal.claim ?? null,
    needsCheck: proposal.needsCheck ?? false,
    checkReason: proposal.checkReason ?? null,
  };
  const candidate =
    proposal.target === "card"
      ? { ...common, target: "card", front: proposal.front, back: proposal.back }
      : {
          ...common,
          target: "quiz",
          prompt: proposal.prompt,
          choices: proposal.choices,
          answer: proposal.answer ?? null,
          pairs: proposal.pairs ?? null,
          explanation: proposal.explanation,
          quotes: proposal.sources.map((source) => source.quote),
          cards: proposal.cards ?? [],
        };
  const parsed = draftPayloadSchema.safeParse(candidate);
  if (!parsed.success) return null;
  return { id: proposal.id, target: proposal.target, kind: parsed.data.kind, payload: parsed.data };
}
