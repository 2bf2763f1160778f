/** Where the learner's choice is kept (this device only): "light", "dark" or absent for the system's. */
export const THEME_KEY = "retain-theme";
export type ThemeChoice = "system" | "light" | "dark";

/**
 * Runs in <head> before the page paints (inline, with the request's CSP nonce), so a dark page
 * never flashes light: it resolves the choice to `data-theme` on <html>, and follows the system's
 * scheme while the choice is "system".
 */
export const THEME_SCRIPT = `(function () {
  var key = ${JSON.stringify(THEME_KEY)};
  var media = window.matchMedia("(prefers-color-scheme: dark)");
  function choice() {
    try { var value = localStorage.getItem(key); return value === "light" || value === "dark" ? value : "system"; }
    catch (e) { return "system"; }
  }
  function apply() {
    var chosen = choice();
    document.documentElement.dataset.theme = chosen === "system" ? (media.matches ? "dark" : "light") : chosen;
  }
  apply();
  media.addEventListener("change", apply);
  window.addEventListener("storage", function (event) { if (event.key === key) apply(); });
  window.__retainApplyTheme = apply;
})();`;
