import { chromium } from "@playwright/test";
import { seedDatabase } from "@/lib/seed";
import { CHROMIUM_ARGS, chromiumExecutable, NO_BROWSER_MESSAGE } from "../../e2e/browser";
import { signIn, startServer } from "./server";
import { percentiles } from "./stats";

/**
 * Time from a rating key press to the next card's front on screen, in Chromium, over 50
 * ratings. Measured inside the page: keydown (capture phase) to the frame after the front's
 * text changed.
 */
export async function benchNextCard(url: string, ratings = 50) {
  await seedDatabase({ demo: false, url });
  const { createUser } = await import("@/lib/data/users");
  const { db } = await import("@/lib/db");
  const user = await createUser({
    name: "Bench",
    email: "next@bench.example",
    password: "bench-password",
    role: "learner",
  });
  await db.studySettings.update({ where: { userId: user.id }, data: { newPerDay: 200 } });
  const server = await startServer(url);
  const executablePath = chromiumExecutable();
  if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const cookie = await signIn(server.baseUrl, "next@bench.example", "bench-password");
    const [name, value] = cookie.split("=") as [string, string];
    const context = await browser.newContext({ baseURL: server.baseUrl });
    await context.addCookies([{ name, value, url: server.baseUrl }]);
    const page = await context.newPage();
    await page.goto("/study");
    await page.locator("#study-front").waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { benchLatencies: number[]; benchPressed: number | null };
      w.benchLatencies = [];
      w.benchPressed = null;
      window.addEventListener(
        "keydown",
        (event) => {
          if (["1", "2", "3", "4"].includes(event.key)) w.benchPressed = performance.now();
        },
        true,
      );
      new MutationObserver(() => {
        const pressed = w.benchPressed;
        if (pressed === null) return;
        w.benchPressed = null;
        requestAnimationFrame(() => w.benchLatencies.push(performance.now() - pressed));
      }).observe(document.querySelector("main") as Node, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    for (let i = 0; i < ratings; i++) {
      const front = await page.locator("#study-front").textContent();
      await page.keyboard.press("Space");
      await page.locator(".study-ratings").waitFor();
      await page.keyboard.press(i % 5 === 0 ? "1" : "3");
      await page.waitForFunction(
        (before) => document.querySelector("#study-front")?.textContent !== before,
        front,
      );
    }
    const latencies = await page.evaluate(
      () => (window as unknown as { benchLatencies: number[] }).benchLatencies,
    );
    return { ...percentiles(latencies), ratings };
  } finally {
    await browser.close();
    await server.stop();
  }
}
