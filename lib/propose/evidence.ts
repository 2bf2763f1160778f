import { type EvidenceSuggestion, suggestEvidence } from "../content/evidence-cues";
import type { SuggestedEvidence } from "./types";

// Background wording: definitions, names, food sources, and safety advice state facts, not findings.
const BACKGROUND =
  /\b(?:well[-\s]established|called|known as|referred to as|a type of|a form of|found in|rich in|sources? of|contains?|warfarin|coumadin|anticoagulants?|blood[-\s]thinn\w*|consult\w*|healthcare provider|doctor|physician|medications?|side effects?|toxicity|overdose)\b|,\s+an?\s+(?:protein|enzyme|hormone|vitamin|mineral|nutrient|compound|molecule|cofactor)\b/gi;
// Hedged or causal-explanatory wording with no named study: how something is thought to work.
const MECHANISM =
  /\b(?:may|might|could|potentially|possibly|theory|theori[sz]ed|hypothes[ei]s|proposed|mechanisms?|appears? to|it appears|suggests?|indicates?|helps?(?: to)?(?: prevent)?|contribut(?:es|e|ing) to|ensures?|accelerates?|translates?|facilitat(?:es|ing)|blocks?|plays? (?:a|an) [\w\s]{0,20}role|role in|(?:is|are) (?:\w+ly )?involved in|acts? as|functions? as|influences?|effects? (?:on|of)|results? in|leads? to|reduces? the risk|basis for|because|thereby|in order to|which is why|as (?:it|they) (?:has|have|is|are)|(?:reduces|increases|prevents|improves|promotes|inhibits|regulates|activates|enhances|boosts|lowers|raises|stimulates|protects|strengthens)|by (?:\w+ly )?(?:activating|preventing|ensuring|inhibiting|regulating|reducing|increasing|supporting|promoting|improving|directing))\b/gi;
// "Research suggests K2 might inhibit channels in muscle cells" is a hypothesis about where an
// effect happens, not a cell study: a bare "cells" in hedged wording is no in-vitro cue.
const HEDGED = /\b(?:may|might|could|potentially|possibly|theor\w+|hypothes\w+|proposed)\b/i;
// A sentence that continues the previous one's study ("These studies suggest …", "This was attributed to …").
// "While this was in a specific population, …" speaks of the same study's subjects.
const STUDY_ANAPHORA =
  /^(?:These|Those|The|This|Such)\s+(?:studies|study|trials?|findings?|results?|researchers|data|effects?)\b|^(?:(?:While|Although|Though|Since|As)\s+)?(?:this|these|that|it)\s+(?:was|were)\s+(?:in|done in|conducted in|performed in|carried out in|tested in)\b/i;
// A study-list headline: a claim followed by the date of the study it summarizes
// ("Vitamin K2 from natto improved bone mineral density – March 2011").
export const DATED_HEADLINE = /[–—-]\s*(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d{2}\s*\)?\s*$/;
const OUTCOME =
  /\b(?:improved|improves?|reduced|reduces?|increased|increases?|decreased|decreases?|lowered|raised|helped|helps?|prevents?|prevented|associated|linked|more likely|less likely|results? in|failed|not produced|needed|is ok|risk)\b/gi;
const PRONOUN_START = /^(?:This|These|It|They|In (?:bone|muscle|[a-z]+ cells?)),?\s/;

const words = (text: string, pattern: RegExp) => [
  ...new Set([...text.matchAll(pattern)].map((m) => m[0].toLowerCase())),
];

// Words that make a sentence report a study's result ("found", "trial") rather than merely mention
// people ("People on warfarin should ask their doctor"): only those get an evidence-check item.
export const STUDY_WORDS =
  /\b(?:stud(?:y|ies)|trials?|research|evidence|experiments?|found|find|showed|shown|observed|reported|demonstrated|revealed|associated|linked|meta[-\s]?analys[ie]s|reviews?|results?|data)\b/i;
function fromCues(own: EvidenceSuggestion, sentence: string): SuggestedEvidence | null {
  if (!own.level) return null;
  // A bare "cells" with no experiment named is where an effect happens, not a cell study.
  const onlyBareCells = own.cues.every((c) => c.level === "in-vitro" && /^cells$/i.test(c.word));
  if (own.level === "in-vitro" && onlyBareCells && HEDGED.test(sentence)) return null;
  return { level: own.level, from: "cue", cues: own.cues, disclaimed: own.disclaimed };
}

/** The sentence before, in the same paragraph, with the level suggested for it. */
export type PreviousSentence = { text: string; suggested: SuggestedEvidence };

/**
 * The suggested level of one sentence, in this order:
 * 1. cue words of a study design, population or model (lib/content/evidence-cues: a sentence that
 *    names an animal or cell model is never human, "animal products" is food, "more research in
 *    humans is needed" is not human evidence);
 * 2. a sentence that continues the previous sentence's study takes its level: "These studies …"
 *    any level, "It/This/They …" only an animal or cell one (never an over-claim);
 * 3. a dated study-list headline that names an outcome but no design → unverified;
 * 4. background wording (definitions, foods, safety advice, established facts) → background;
 * 5. hedged or causal wording → mechanism;
 * 6. anything else → background.
 */
export function suggestSentenceEvidence(sentence: string, previous?: PreviousSentence): SuggestedEvidence {
  const own = suggestEvidence(sentence);
  const cued = fromCues(own, sentence);
  if (cued) return cued;
  const before = previous?.suggested;
  if (before && (before.from === "cue" || before.from === "context")) {
    const nonHuman = before.level === "animal" || before.level === "in-vitro";
    if (STUDY_ANAPHORA.test(sentence) || (nonHuman && PRONOUN_START.test(sentence))) {
      return { level: before.level, from: "context", cues: before.cues, disclaimed: own.disclaimed };
    }
  }
  // A headline that names an outcome but no design or population may rest on people, animals or
  // nothing: "unverified", not a guess (content/README.md).
  const outcome = DATED_HEADLINE.test(sentence) ? words(sentence, OUTCOME) : [];
  if (DATED_HEADLINE.test(sentence)) {
    return { level: "unverified", from: "default", cues: [], disclaimed: own.disclaimed, wording: outcome };
  }
  const background = words(sentence, BACKGROUND);
  if (background.length > 0) {
    return {
      level: "background",
      from: "default",
      cues: [],
      disclaimed: own.disclaimed,
      wording: background,
    };
  }
  const mechanism = words(sentence, MECHANISM);
  if (mechanism.length > 0) {
    return { level: "mechanism", from: "hedge", cues: [], disclaimed: own.disclaimed, wording: mechanism };
  }
  return { level: "background", from: "default", cues: [], disclaimed: own.disclaimed };
}
