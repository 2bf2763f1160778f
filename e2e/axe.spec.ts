import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Issue 16, item 10: an axe scan of the main pages, on a desktop and on a phone. Every rule axe
// runs by default (WCAG 2.x A and AA, best practices) must pass.

async function expectNoViolations(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(" ")}`);
  expect(found, `axe on ${path}`).toEqual([]);
}

for (const width of [1280, 390]) {
  test(`axe finds nothing on a learner's pages at ${width} px`, async ({ page, account }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 900 });
    await account.signUp("learner");
    // One answer, so statistics show their charts and the heatmap.
    await page.goto("/study?deck=mk4-vs-mk7");
    await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
    await page.keyboard.press("Space");
    await expect(page.getByRole("button", { name: /^Good.*next in/ })).toBeVisible();
    await page.keyboard.press("3");
    await expect(page.getByRole("status").filter({ hasText: "All answers saved" })).toBeVisible();
    for (const path of [
      "/dashboard",
      "/study?deck=mk4-vs-mk7",
      "/stats",
      "/settings",
      "/sharing",
      "/decks",
      "/decks/mk4-vs-mk7",
      "/decks/mk4-vs-mk7/quiz",
    ]) {
      await expectNoViolations(page, path);
    }
  });

  test(`axe finds nothing on a trainer's pages at ${width} px`, async ({ page, account }) => {
    await page.setViewportSize({ width, height: 900 });
    await account.signUp("trainer");
    for (const path of ["/trainer", "/trainer/invitations", "/trainer/clients/assign"]) {
      await expectNoViolations(page, path);
    }
  });
}
