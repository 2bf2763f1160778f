"use client";

import { useEffect, useRef } from "react";
import styles from "./shortcuts-dialog.module.css";
import { isShortcutsKey } from "./shortcuts-key";

const GROUPS: { title: string; keys: [string, string][] }[] = [
  {
    title: "Studying",
    keys: [
      ["Space or Enter", "Show the answer"],
      ["1 2 3 4", "Again, Hard, Good, Easy"],
      ["Ctrl+Z (⌘Z)", "Undo the last answer"],
      ["Alt+1 … Alt+4", "Flag red, orange, green, blue (again to clear)"],
      ["B or -", "Bury until tomorrow"],
      ["S or @", "Suspend"],
    ],
  },
  {
    title: "Typed answers",
    keys: [
      ["Enter", "Check what you typed"],
      ["Enter (after checking)", "Accept the suggested grade"],
    ],
  },
  { title: "Anywhere", keys: [["?", "Show this list"]] },
];

/**
 * "?" opens the list of keyboard shortcuts, a modal dialog (focus kept inside, Esc closes).
 * Loaded on the first "?" (app/ui/shortcuts-key.tsx), which it then opens at once.
 */
export function ShortcutsDialog({ openAtOnce = false }: { openAtOnce?: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (openAtOnce && !dialog.current?.open) dialog.current?.showModal();
    function onKeyDown(event: KeyboardEvent) {
      if (!isShortcutsKey(event) || dialog.current?.open) return;
      event.preventDefault();
      dialog.current?.showModal();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [openAtOnce]);
  return (
    <dialog ref={dialog} className={styles.dialog} aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      {GROUPS.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h3 className={styles.group}>{group.title}</h3>
          <dl className={styles.list}>
            {group.keys.map(([keys, action]) => (
              <div key={keys} className={styles.row}>
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{action}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <form method="dialog">
        <button type="submit" className="button">
          Close
        </button>
      </form>
    </dialog>
  );
}
