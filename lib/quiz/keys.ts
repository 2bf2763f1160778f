/**
 * The quiz page's keyboard scheme, kept pure so it can be tested without a browser:
 * 1–9 or A–I pick a choice, Enter checks the answer, Enter again goes to the next question.
 */

/** Up to nine choices get a key; no quiz item has more than six. */
const MAX_KEYED_CHOICES = 9;

/** Where the key was pressed, as far as the scheme cares. */
export type KeyTarget =
  /** A text box or editable region: typing there is never a shortcut. */
  | "typing"
  /** A link, button or summary: Enter keeps its own meaning. */
  | "control"
  /** A `<select>`: letters and digits pick its options, Enter may check the answer. */
  | "select"
  /** The page, a radio button or the question and feedback panels. */
  | "other";

export type QuizPhase = "answering" | "checking" | "answered";

export interface KeyContext {
  phase: QuizPhase;
  /** How many choices the question shows as radio buttons (0 for matching). */
  choiceCount: number;
  target: KeyTarget;
}

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  repeat?: boolean;
}

export type KeyAction = { type: "choose"; index: number } | { type: "check" } | { type: "next" };

/** The choice a key stands for ("1" and "a" are the first), or null. */
export function choiceIndexForKey(key: string, choiceCount: number): number | null {
  if (key.length !== 1) return null;
  const count = Math.min(choiceCount, MAX_KEYED_CHOICES);
  const digit = "123456789".indexOf(key);
  if (digit >= 0) return digit < count ? digit : null;
  const letter = "abcdefghi".indexOf(key.toLowerCase());
  return letter >= 0 && letter < count ? letter : null;
}

/** "A" for the first choice: the letter shown next to it. */
export function choiceLetter(index: number): string {
  return index >= 0 && index < MAX_KEYED_CHOICES ? "ABCDEFGHI".charAt(index) : "";
}

/** What a key press does on the quiz page, or null to leave it to the browser. */
export function quizKeyAction(press: KeyPress, context: KeyContext): KeyAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (context.target === "typing" || context.phase === "checking") return null;
  if (press.key === "Enter") {
    // A held key must not check an answer and skip its feedback in one go.
    if (press.repeat || context.target === "control") return null;
    if (context.phase === "answered") return context.target === "select" ? null : { type: "next" };
    // Checking an incomplete answer is allowed: the page then says what is missing.
    return { type: "check" };
  }
  if (context.phase !== "answering" || context.target === "select") return null;
  const index = choiceIndexForKey(press.key, context.choiceCount);
  return index === null ? null : { type: "choose", index };
}
