import { useEffect, useRef } from "react";
import type { ReviewRating } from "@/lib/srs/types";

interface StudyKeys {
  revealed: boolean;
  onReveal: () => void;
  onRate: (rating: ReviewRating) => void;
  onUndo: () => void;
  /** A card is on show: the marks keys act on it. */
  studying?: boolean;
  onFlag?: (colour: number) => void;
  onBury?: () => void;
  onSuspend?: () => void;
}

const RATING_KEYS: Record<string, ReviewRating> = { "1": 1, "2": 2, "3": 3, "4": 4 };

/**
 * Space / Enter show the answer, 1–4 rate once it is shown, Ctrl/Cmd+Z undoes. A focused button or
 * link keeps its own Space / Enter, so the keys never act twice. On a card: Alt+1–4 flag it,
 * B (or "-", Anki's key) buries it, S (or "@") suspends it.
 */
export function useStudyKeys(keys: StudyKeys): void {
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      // A modal dialog (the shortcuts list) is open: the card behind it is not acted on.
      if (document.querySelector("dialog[open]")) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      const { revealed, onReveal, onRate, onUndo, studying, onFlag, onBury, onSuspend } = latest.current;
      const command = event.ctrlKey || event.metaKey;
      if (studying && !command && !event.repeat) {
        // event.code: Alt+digit types another character on some layouts (macOS).
        const flag = event.altKey ? /^Digit([1-4])$/.exec(event.code)?.[1] : undefined;
        const key = event.altKey ? "" : event.key.toLowerCase();
        const act = flag
          ? () => onFlag?.(Number(flag))
          : key === "b" || key === "-"
            ? onBury
            : key === "s" || key === "@"
              ? onSuspend
              : undefined;
        if (act) {
          event.preventDefault();
          act();
          return;
        }
      }
      if (command && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "z") {
        event.preventDefault();
        onUndo();
        return;
      }
      if (command || event.altKey || event.repeat) return;
      if (event.key === " " || event.key === "Enter") {
        if (revealed || target?.closest("button, a, summary")) return;
        event.preventDefault();
        onReveal();
        return;
      }
      const rating = RATING_KEYS[event.key];
      if (rating && revealed) {
        event.preventDefault();
        onRate(rating);
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
