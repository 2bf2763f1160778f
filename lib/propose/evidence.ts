import { suggestEvidence } from "../content/evidenceCues";
import type { SuggestedEvidence } from "./types";

// Hedged or explanatory wording without a named study: the curated decks file these as a
// proposed mechanism rather than a finding.
const HEDGE =
  /\b(?:may|might|could|potentially|theory|theori[sz]ed|hypothes[ei]s|proposed|mechanisms?|believed|thought to|suggests? that|appears? to)\b/i;

/**
 * The suggested level of one sentence. Cue words decide (lib/content/evidenceCues: a sentence that
 * names an animal or cell model is never human, "animal products" is food, "more research in humans
 * is needed" is not human evidence); without cues, a sentence that continues the previous one's
 * study ("This was attributed to …") inherits its non-human level, hedged wording is a mechanism,
 * and anything else is background.
 */
export function suggestSentenceEvidence(sentence: string, previous?: string): SuggestedEvidence {
  const own = suggestEvidence(sentence);
  if (own.level) return { level: own.level, from: "cue", cues: own.cues, disclaimed: own.disclaimed };
  if (
    previous &&
    /^(?:This|These|It|They|The (?:study|studies|trial|researchers|findings?))\b/.test(sentence)
  ) {
    const before = suggestEvidence(previous);
    if (before.level === "animal" || before.level === "in-vitro") {
      return { level: before.level, from: "context", cues: before.cues, disclaimed: own.disclaimed };
    }
  }
  const hedge = HEDGE.exec(sentence);
  if (hedge) return { level: "mechanism", from: "hedge", cues: [], disclaimed: own.disclaimed };
  return { level: "background", from: "default", cues: [], disclaimed: own.disclaimed };
}
