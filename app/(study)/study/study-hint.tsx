import styles from "./study.module.css";

/**
 * Under a card: the keys, and typed answers switched on or off. Rendered on the server (page.tsx)
 * and handed to the session, so its markup is not in the first-load JavaScript.
 */
export function StudyHint({ path, typed }: { path: string; typed: boolean }) {
  const switchTo = typed ? path : `${path}${path.includes("?") ? "&" : "?"}typed=1`;
  return (
    <p className={`${styles.studyHint} muted small`}>
      <kbd>Space</kbd> shows the answer · <kbd>1</kbd>–<kbd>4</kbd> rate · <kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes
      · <kbd>?</kbd> all keys · <a href={switchTo}>{typed ? "Stop typing answers" : "Type answers"}</a>
    </p>
  );
}
