/** Where the learner's choice is kept (this device only): "light", "dark" or absent for the system's. */
export const THEME_KEY = "retain-theme";
/** The header's theme <select> (app/ui/theme-switch.tsx), which this script drives. */
export const THEME_SELECT_ID = "theme-choice";

/**
 * Runs in <head> before the page paints (inline, with the request's CSP nonce), so a dark page
 * never flashes light: it resolves the choice to `data-theme` on <html>, and follows the system's
 * scheme while the choice is "system". It also drives the header's theme <select>, a server
 * component: it shows the stored choice once the page is parsed (and when another tab changes it),
 * and a change is stored and applied at once. No React code for it in any page's first load.
 */
export const THEME_SCRIPT = `(function () {
  var key = ${JSON.stringify(THEME_KEY)};
  var selectId = ${JSON.stringify(THEME_SELECT_ID)};
  var media = window.matchMedia("(prefers-color-scheme: dark)");
  var held = null; // a choice storage refused (private mode): it holds for this page only
  function choice() {
    if (held) return held;
    try { var value = localStorage.getItem(key); return value === "light" || value === "dark" ? value : "system"; }
    catch (e) { return "system"; }
  }
  function apply() {
    var chosen = choice();
    document.documentElement.dataset.theme = chosen === "system" ? (media.matches ? "dark" : "light") : chosen;
    var select = document.getElementById(selectId);
    if (select && select.value !== chosen) select.value = chosen;
  }
  apply();
  media.addEventListener("change", apply);
  window.addEventListener("storage", function (event) { if (event.key === key) apply(); });
  document.addEventListener("DOMContentLoaded", apply);
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (!select || select.id !== selectId) return;
    held = null;
    try {
      if (select.value === "system") localStorage.removeItem(key);
      else localStorage.setItem(key, select.value);
    } catch (e) { held = select.value; }
    apply();
  });
})();`;
