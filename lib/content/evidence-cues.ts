import { EVIDENCE_LEVELS, type EvidenceLevel } from "./schema";

/** Levels a cue word can point to; `mechanism` and `background` have no reliable cue words. */
export type CueLevel = "meta-analysis" | "human-rct" | "human-study" | "animal" | "in-vitro";
export type EvidenceCue = { word: string; level: CueLevel };
export type EvidenceSuggestion = {
  /** null when the text names no study design, population or model. */
  level: CueLevel | null;
  cues: EvidenceCue[];
  /** Human cues dropped because the sentence says human research is still needed. */
  disclaimed: EvidenceCue[];
};

export const HUMAN_LEVELS: readonly EvidenceLevel[] = ["meta-analysis", "human-rct", "human-study"];
export const NON_HUMAN_LEVELS: readonly EvidenceLevel[] = ["animal", "in-vitro"];

export function isHumanLevel(level: EvidenceLevel): boolean {
  return HUMAN_LEVELS.includes(level);
}

/** True when `a` claims stronger evidence than `b` (EVIDENCE_LEVELS runs strongest first). */
export function isStronger(a: EvidenceLevel, b: EvidenceLevel): boolean {
  return EVIDENCE_LEVELS.indexOf(a) < EVIDENCE_LEVELS.indexOf(b);
}

// Word-bounded, case-insensitive. "clinical trial" and "pilot" stay human-study: a trial is only
// called randomized here when the text says so.
const CUE_PATTERNS: Record<CueLevel, RegExp[]> = {
  "meta-analysis": [/\bmeta[-\s]?analys[ei]s\b/, /\bsystematic reviews?\b/, /\bpooled analys[ei]s\b/],
  "human-rct": [/\brandomi[sz]ed\b/, /\bplacebo\b/, /\bRCTs?\b/, /\bdouble[-\s]blind(?:ed)?\b/],
  "human-study": [
    /\bclinical trials?\b/,
    /\btrials?\b/,
    /\bpilot\b/,
    /\bobservational\b/,
    /\binterventional\b/,
    /\bcohort\b/,
    /\bcross[-\s]sectional\b/,
    /\bcase[-\s]control\b/,
    /(?<!non-)\bhumans?\b/,
    /\bpatients?\b/,
    /\bparticipants?\b/,
    /\bvolunteers?\b/,
    /\b(?:older )?adults?\b/,
    /\b(?:wo)?men\b/,
    /\bseniors?\b/,
    /\bathletes?\b/,
    /\bpeople\b/,
    /\bchildren\b/,
    /\bpostmenopausal\b/,
    /\b(?:hemo)?dialysis\b/,
  ],
  animal: [
    /\brats?\b/,
    /\bmice\b/,
    /\bmouse\b/,
    /\bmurine\b/,
    /\brodents?\b/,
    // "animal products" are foods, not animal evidence.
    /\banimals?\b(?![\s-]+(?:products?|foods?|sources?|fats?|proteins?))/,
    /\bin vivo\b/,
    /\b(?:pigs?|piglets?|dogs?|rabbits?|zebrafish|primates?)\b/,
  ],
  "in-vitro": [
    /\bin vitro\b/,
    /\bcell cultures?\b/,
    /\bcultured\b/,
    /\bcell lines?\b/,
    /\bcells\b/,
    /\bin the lab\b/,
    /\blaboratory\b/,
    /\btest[-\s]tubes?\b/,
  ],
};

// "More research is necessary to confirm ... in humans" names humans to say evidence is missing.
const HUMAN_GAP =
  /\b(?:more|further|additional)\s+(?:human\s+)?(?:research|investigation|studies|trials)\b|\b(?:is|are)\s+(?:still\s+)?(?:needed|necessary|required|lacking)\b|\brequires?\s+further\b/i;

const CUE_ORDER: readonly CueLevel[] = ["meta-analysis", "human-rct", "human-study", "animal", "in-vitro"];

function findCues(sentence: string): EvidenceCue[] {
  const cues: EvidenceCue[] = [];
  const taken: Array<[number, number]> = [];
  for (const level of CUE_ORDER) {
    for (const pattern of CUE_PATTERNS[level]) {
      for (const m of sentence.matchAll(new RegExp(pattern.source, "gi"))) {
        const start = m.index;
        const end = start + m[0].length;
        // "clinical trial" already covers its "trial"; report each stretch of text once.
        if (taken.some(([s, e]) => start >= s && end <= e)) continue;
        taken.push([start, end]);
        cues.push({ word: m[0], level });
      }
    }
  }
  return cues;
}

/**
 * Suggests the evidence level of one sentence from its cue words. A sentence that names an animal
 * or cell model is never labelled human, even when it also names humans: those sentences are
 * usually "found in rats; human research is needed".
 */
export function suggestEvidence(sentence: string): EvidenceSuggestion {
  const found = findCues(sentence);
  const gap = HUMAN_GAP.test(sentence);
  const cues = gap ? found.filter((c) => !isHumanLevel(c.level)) : found;
  const disclaimed = gap ? found.filter((c) => isHumanLevel(c.level)) : [];
  const has = (level: CueLevel) => cues.some((c) => c.level === level);
  const nonHuman = NON_HUMAN_LEVELS.find((l) => has(l as CueLevel)) as CueLevel | undefined;
  const level = nonHuman ?? CUE_ORDER.find(has) ?? null;
  return { level, cues, disclaimed };
}

/** Splits a quote into sentences (and lines: list items and table cells stand alone). */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n|(?<=[.!?])\s+(?=["'“‘(]?[A-Z])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
