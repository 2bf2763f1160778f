import { Fragment } from "react";
import { parseCloze } from "@/lib/study/cloze";
import styles from "./cloze.module.css";

/** The prompt side of a cloze: each hidden part becomes "[…]" (or "[hint]"). */
export function clozePrompt(text: string): string {
  return parseCloze(text)
    .map((part) => (part.hidden ? `[${part.hint ?? "…"}]` : part.text))
    .join("");
}

/** The answer side: the full sentence with the hidden parts emphasized. */
export function ClozeAnswer({ text }: { text: string }) {
  let offset = 0;
  return parseCloze(text).map((part) => {
    const key = offset;
    offset += part.text.length;
    return part.hidden ? (
      <strong key={key} className={styles.clozeAnswer}>
        {part.text}
      </strong>
    ) : (
      <Fragment key={key}>{part.text}</Fragment>
    );
  });
}
