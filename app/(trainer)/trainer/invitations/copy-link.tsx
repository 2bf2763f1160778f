"use client";

import { useEffect, useId, useRef, useState } from "react";
import styles from "./invitations.module.css";

/** The full link in a read-only field, with a button that copies it and says so. */
export function CopyLink({ url, label = "Invitation link" }: { url: string; label?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState("");

  // Cleared after a while, so copying again is announced again.
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(""), 4000);
    return () => clearTimeout(timer);
  }, [status]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Copied");
    } catch {
      // No clipboard (an insecure origin or a refused permission): select it for the keyboard.
      input.current?.select();
      setStatus("Selected: press Ctrl+C (⌘C on a Mac) to copy");
    }
  }

  return (
    <div className={styles.copyLink}>
      <label htmlFor={id} className="small">
        {label}
      </label>
      <div className={styles.copyLinkRow}>
        <input
          ref={input}
          id={id}
          className={`input ${styles.copyLinkInput}`}
          type="text"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button secondary" onClick={copy}>
          Copy link
        </button>
      </div>
      <p className={`${styles.copyLinkStatus} small`} aria-live="polite">
        {status}
      </p>
    </div>
  );
}
