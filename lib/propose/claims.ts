import type { Sentence } from "./sentences";
import type { ClaimKind } from "./types";

export const DOSE =
  /\b\d+(?:[.,]\d+)?(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?)?\s*(?:mcg|µg|μg|micrograms?|mg|milligrams?|IU|g\/day|grams?)\b/i;
export const NUMBER =
  /\b\d+(?:[.,]\d+)?\s*(?:%|percent|per cent|weeks?|months?|years?|days?|hours?|times|fold|-fold)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:weeks?|months?|years?|days?|hours?)\b|\b(?:19|20)\d{2}\b/i;
const SAFETY =
  /\b(?:warfarin|coumadin|anticoagulants?|blood[-\s]thinn(?:ing|ers?)|consult|doctor|physician|healthcare provider|side effects?|toxicity|toxic|overdose|interact(?:s|ions?)?|contraindicated|safe(?:ty|ly)?|risks?|caution)\b/i;
const FOOD =
  /\b(?:foods?|found in|sources?|rich in|natto|cheeses?|egg yolks?|eggs|meats?|liver|dairy|butter|leafy greens?|vegetables|soybeans?|fermented|diet(?:ary)?)\b/i;
const COMPARISON =
  /\b(?:more|less|higher|lower|greater|longer|shorter|better|worse|stronger|weaker|than|compared (?:to|with)|versus|vs\.?|whereas|unlike|superior|inferior)\b/i;
const FINDING =
  /\b(?:found|find|finds|showed|shown|shows|demonstrated|reduced|reduces|increased|increases|improved|improves|decreased|lowered|associated|linked|observed|reported|suggests?|indicates?|revealed|led to|results?|effective|significantly|prevents?|activates?|inhibits?|promotes?|supports?|helps?|contributes?|regulat(?:es|ing))\b/i;
const DEFINITION =
  /^(?:The term |The )?([A-Z][\w-]*(?:\s+(?:\([^)]{1,40}\)|[\w-]+)){0,5}?)\s+(?:is|are|refers to|means)\s+(?:a|an|the|one of|known as|also called)\b/;

// Navigation, calls to action, references and legal text: never proposed.
const BOILERPLATE =
  /\b(?:click|subscribe|sign up|newsletter|cookies?|privacy policy|terms of (?:use|service)|all rights reserved|copyright|share this|read more|related articles?|advertisement|sponsored|follow us|log ?in|menu|skip to|back to top|disclaimer|affiliate)\b|©|https?:\/\/|www\.|\bdoi:|\bet al\.|^\s*\[\d+\]|^\s*\d+\.\s+[A-Z][a-z]+,\s+[A-Z]/i;

export type Claim = { sentence: Sentence; kinds: ClaimKind[]; definedTerm?: string };

/** Why a sentence is worth a card, or null when it states nothing to learn (or is boilerplate). */
export function classifyClaim(sentence: Sentence): Claim | null {
  const text = sentence.text;
  const words = text.split(/\s+/).length;
  if (words < 6 || words > 70) return null;
  if (text.endsWith("?") || BOILERPLATE.test(text)) return null;
  if (!/[.!)"”’]$/.test(text) && !sentence.listItem) return null;
  // Lead-ins ("Vitamin K2 may influence muscle function by:") introduce a list; they claim nothing.
  if (text.endsWith(":")) return null;
  const kinds: ClaimKind[] = [];
  const definition = DEFINITION.exec(text);
  if (definition && words <= 40) kinds.push("definition");
  if (DOSE.test(text)) kinds.push("dose");
  if (NUMBER.test(text)) kinds.push("number");
  if (SAFETY.test(text)) kinds.push("safety");
  if (FOOD.test(text)) kinds.push("food-source");
  if (COMPARISON.test(text)) kinds.push("comparison");
  if (FINDING.test(text)) kinds.push("finding");
  if (kinds.length === 0) return null;
  return { sentence, kinds, ...(definition ? { definedTerm: definition[1] } : {}) };
}
