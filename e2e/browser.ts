import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** Flags that keep Chromium from reaching for the network on machines that have none. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/**
 * Playwright's own Chromium when it is installed (`npx playwright install chromium`),
 * else a system Chromium; undefined lets the caller stop with a message.
 */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright throws when its browsers were never downloaded; fall through.
  }
  return SYSTEM_CHROMIUM.find((candidate) => existsSync(candidate));
}

export const NO_BROWSER_MESSAGE = [
  "No Chromium found for the end-to-end tests. Install one of:",
  "  npx playwright install chromium        (Playwright's own build)",
  "  sudo apt-get install -y chromium       (Debian/Ubuntu; gives /usr/bin/chromium)",
  "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
].join("\n");
