"use client";

import { useEffect, useState } from "react";
import { THEME_KEY, type ThemeChoice } from "./theme-script";
import styles from "./theme-switch.module.css";

declare global {
  interface Window {
    __retainApplyTheme?: () => void;
  }
}

/** System / Light / Dark, kept on this device; the head script applies it before paint on every load. */
export function ThemeSwitch() {
  // The server cannot know the stored choice: "system" until hydrated, then the stored one.
  const [choice, setChoice] = useState<ThemeChoice>("system");
  useEffect(() => {
    const stored = localStorage.getItem(THEME_KEY);
    if (stored === "light" || stored === "dark") setChoice(stored);
  }, []);
  const change = (next: ThemeChoice) => {
    setChoice(next);
    try {
      if (next === "system") localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, next);
    } catch {
      // Storage refused (private mode): the choice holds for this page only.
    }
    if (window.__retainApplyTheme) window.__retainApplyTheme();
    else document.documentElement.dataset.theme = next === "system" ? "light" : next;
  };
  return (
    <div className={styles.switch}>
      <label htmlFor="theme-choice" className="visually-hidden">
        Theme
      </label>
      <select
        id="theme-choice"
        value={choice}
        onChange={(event) => change(event.target.value as ThemeChoice)}
        className={styles.select}
        title="Theme"
      >
        <option value="system">◐ System</option>
        <option value="light">☀ Light</option>
        <option value="dark">☾ Dark</option>
      </select>
    </div>
  );
}
