import { hasVerb, type Token } from "./nlp";
import { type Sentence, titleCaseShare } from "./sentences";
import type { ClaimKind } from "./types";

export const DOSE =
  /\b\d+(?:[.,]\d+)?(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?)?\s*(?:mcg|µg|μg|ug|micrograms?|mg|milligrams?|IU|g\/day|grams?)\b/i;
export const NUMBER =
  /\b\d+(?:[.,]\d+)?\s*(?:%|percent|per cent|weeks?|months?|years?|days?|hours?|times|fold|-fold|X\b)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:weeks?|months?|years?|days?|hours?)\b|\b(?:19|20)\d{2}\b/i;
const SAFETY =
  /\b(?:warfarin|coumadin|anticoagulants?|blood[-\s]thinn(?:ing|ers?)|consult|doctor|physician|healthcare provider|side effects?|toxicity|toxic|overdose|interact(?:s|ions?)?|interferes?|contraindicated|safe(?:ty|ly)?|caution)\b/i;
const FOOD =
  /\b(?:foods?|found in|sources?|rich in|natto|cheeses?|egg yolks?|eggs|meats?|liver|dairy|butter|leafy greens?|vegetables|soybeans?|fermented|diet(?:ary|s)?)\b/i;
const COMPARISON =
  /\b(?:more|less|higher|lower|greater|longer|shorter|better|worse|stronger|weaker|than|compared (?:to|with)|versus|vs\.?|whereas|unlike|superior|inferior|rather than)\b/i;
const FINDING =
  /\b(?:found|showed|shown|shows|demonstrated|reduced|increased|improved|decreased|lowered|associated|linked|observed|reported|revealed|significantly|effective)\b/i;
const DEFINITION =
  /^(?:The term |The )?([A-Z][\w-]*(?:\s+(?:\([^)]{1,40}\)|[\w-]+)){0,5}?)\s+(?:is|are|refers to|means)\s+(a|an|the(?! (?:most|best|least|only|main|first)\b)|one of|known as|also called)\b/;

// Navigation, calls to action, references, legal text and the article talking about itself.
const BOILERPLATE =
  /\b(?:click|subscribe|sign up|newsletter|cookies?|privacy policy|terms of (?:use|service)|all rights reserved|copyright|share this|read more|related (?:articles?|posts?)|advertisement|sponsored|follow us|log ?in|skip to|back to top|disclaimer|affiliate|this (?:article|post|page|blog)|in this (?:article|post|guide)|let's|we will|table of contents|required fields|visitors|page views?|for more information|learn more|refer to the|available here|email address|leave a (?:reply|comment)|posted (?:on|by)|comments?\s*\(\d+\))\b|©|https?:\/\/|www\.|\bdoi:|\bet al\.|^\s*\[\d+\]/i;

// The author talking about themselves ("As a personal trainer, I …") or to the reader
// ("Imagine your arteries as highways"): framing, not something to learn.
const AUTHOR_TALK =
  /\b(?:I|I'm|I’m|I've|I’ve|my|me)\b|^(?:Imagine|Picture|Think of|Think about|Consider|Remember|Let's|Let’s|Let us|As you (?:might|may) (?:already )?know)\b/;

export type Claim = {
  sentence: Sentence;
  tokens: Token[];
  kinds: ClaimKind[];
  definedTerm?: string;
  /** What the sentence says the term is ("a fat-soluble vitamin …"), without the term itself. */
  definition?: string;
};

/**
 * Why a sentence is worth a card, or null when it is not a statement to learn: a question, a
 * lead-in to a list, a fragment, boilerplate. Any clause of four or more words is a claim; a list
 * item without a verb only when it names a food, dose, number, safety note or comparison.
 */
export function classifyClaim(sentence: Sentence, tokens: Token[]): Claim | null {
  const text = sentence.text;
  const count = text.split(/\s+/).length;
  if (count < 4 || count > 80) return null;
  if (text.endsWith("?") || text.endsWith(":") || BOILERPLATE.test(text) || AUTHOR_TALK.test(text))
    return null;
  const clause = hasVerb(tokens);
  const kinds: ClaimKind[] = [];
  const definition = DEFINITION.exec(text);
  if (definition && count <= 40) kinds.push("definition");
  if (DOSE.test(text)) kinds.push("dose");
  if (NUMBER.test(text)) kinds.push("number");
  if (SAFETY.test(text)) kinds.push("safety");
  if (FOOD.test(text)) kinds.push("food-source");
  if (COMPARISON.test(text)) kinds.push("comparison");
  if (FINDING.test(text)) kinds.push("finding");
  if (!clause && !(sentence.listItem && kinds.length > 0)) return null;
  // A verbless list item in title case is the title of something ("Role of Vitamin K in Bones - Feb 2022").
  if (!clause && titleCaseShare(text) >= 0.6) return null;
  if (kinds.length === 0) kinds.push("statement");
  // "- Egg yolks: A source of the MK-4 subtype." defines its label.
  const labelDefinition =
    sentence.listItem &&
    sentence.first &&
    sentence.label &&
    /^(?:An?|One of)\s/.test(text) &&
    !FINDING.test(text);
  const definedTerm = definition?.[1] ?? (labelDefinition ? sentence.label : undefined);
  if (labelDefinition && !kinds.includes("definition")) kinds.unshift("definition");
  const predicate = definition
    ? text.slice(definition[0].length - (definition[2]?.length ?? 0)).trim()
    : text;
  return { sentence, tokens, kinds, ...(definedTerm ? { definedTerm, definition: predicate } : {}) };
}
