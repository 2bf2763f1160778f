import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures";

// Issue 16, item 10: contrast, Tab order and keyboard reach found by axe scans.

/** WCAG contrast of an element's text against what is painted behind it (translucent layers blended). */
function contrastOf(target: Locator): Promise<number> {
  return target.first().evaluate((element) => {
    const parse = (value: string) => {
      const [r = 0, g = 0, b = 0, a = 1] = (value.match(/[\d.]+/g) ?? []).map(Number);
      return { r, g, b, a: value.startsWith("rgba") || value.includes("/") ? a : 1 };
    };
    // Background: blend the element's and its ancestors' backgrounds, nearest on top.
    const layers: ReturnType<typeof parse>[] = [];
    for (let node: Element | null = element; node; node = node.parentElement) {
      const layer = parse(getComputedStyle(node).backgroundColor);
      if (layer.a > 0) layers.push(layer);
      if (layer.a >= 1) break;
    }
    let back = { r: 255, g: 255, b: 255 };
    for (const layer of layers.reverse()) {
      back = {
        r: layer.r * layer.a + back.r * (1 - layer.a),
        g: layer.g * layer.a + back.g * (1 - layer.a),
        b: layer.b * layer.a + back.b * (1 - layer.a),
      };
    }
    const text = parse(getComputedStyle(element).color);
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const [R, G, B] = [r, g, b].map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    const [light, dark] = [luminance(text), luminance(back)].sort((a, b) => b - a) as [number, number];
    return (light + 0.05) / (dark + 0.05);
  });
}

test("the Space badge on Show answer is readable (4.5:1)", async ({ page, account }) => {
  await account.signUp("learner");
  await page.goto("/study?deck=mk4-vs-mk7");
  await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
  expect(
    await contrastOf(page.getByRole("button", { name: "Show answer" }).locator("kbd")),
  ).toBeGreaterThanOrEqual(4.5);
});

test("Tab never stops on the workload chart's unnamed SVG groups", async ({ page, account }) => {
  await account.signUp("learner");
  await page.goto("/settings");
  await expect(page.locator('[aria-labelledby="workload-summary"] svg').first()).toBeVisible();
  await page.locator("body").focus();
  const stops: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const inChart = await page.evaluate(() =>
      Boolean(document.activeElement?.closest('[aria-labelledby="workload-summary"]')),
    );
    if (inChart) stops.push(await page.evaluate(() => document.activeElement?.getAttribute("class") ?? ""));
  }
  expect(stops).toEqual([]);
});

test("on a phone, the review heatmap that scrolls sideways can be reached by keyboard", async ({
  page,
  account,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await account.signUp("learner");
  await page.goto("/study?deck=mk4-vs-mk7");
  await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: /^Good.*next in/ })).toBeVisible();
  await page.keyboard.press("3");
  await expect(page.getByRole("status").filter({ hasText: "All answers saved" })).toBeVisible();
  await page.goto("/stats");
  const heatmap = page.getByRole("region", { name: "Reviews per day, scrolls sideways" });
  expect(await heatmap.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  // Focusable (axe scrollable-region-focusable): a div without tabindex would not take the focus.
  await heatmap.focus();
  await expect(heatmap).toBeFocused();
  await expect(heatmap).toHaveAttribute("tabindex", "0");
});
