import { useEffect, useRef } from "react";
import type { ReviewRating } from "@/lib/srs/types";

interface StudyKeys {
  revealed: boolean;
  onReveal: () => void;
  onRate: (rating: ReviewRating) => void;
  onUndo: () => void;
}

const RATING_KEYS: Record<string, ReviewRating> = { "1": 1, "2": 2, "3": 3, "4": 4 };

/**
 * Space / Enter show the answer, 1–4 rate once it is shown, Ctrl/Cmd+Z undoes. A focused button or
 * link keeps its own Space / Enter, so the keys never act twice.
 */
export function useStudyKeys(keys: StudyKeys): void {
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      const { revealed, onReveal, onRate, onUndo } = latest.current;
      const command = event.ctrlKey || event.metaKey;
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
