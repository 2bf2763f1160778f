import { THEME_SELECT_ID } from "./theme-script";
import styles from "./theme-switch.module.css";

/**
 * System / Light / Dark, kept on this device. A server component: the head script (theme-script.ts)
 * shows the stored choice and applies a change, so no client code of its own is needed.
 */
export function ThemeSwitch() {
  return (
    <div className={styles.switch}>
      <label htmlFor={THEME_SELECT_ID} className="visually-hidden">
        Theme
      </label>
      <select id={THEME_SELECT_ID} className={styles.select} title="Theme">
        <option value="system">◐ System</option>
        <option value="light">☀ Light</option>
        <option value="dark">☾ Dark</option>
      </select>
    </div>
  );
}
