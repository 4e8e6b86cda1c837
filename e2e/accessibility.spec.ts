import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { fixtureSlug } from "./support/seed-stories";

const pages = [
  ["the front page", "/"],
  ["an article", `/articles/${fixtureSlug}`],
  ["a section", "/sections/world"],
  ["search results", "/search?q=Qayyarah"],
  ["a search that finds nothing", "/search?q=qayara"],
  ["the 404 page", "/no-such-page-anywhere"],
] as const;

test.describe("accessibility", () => {
  for (const [label, path] of pages) {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      test(`${label} at ${viewport.width}px has no serious or critical axe violation`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await page.goto(path);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
        const serious = results.violations
          .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
          .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(" | ")}`);
        expect(serious).toEqual([]);
        // Landmarks readers navigate by.
        await expect(page.getByRole("banner")).toHaveCount(1);
        await expect(page.getByRole("main")).toHaveCount(1);
        await expect(page.getByRole("contentinfo")).toHaveCount(1);
        await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
      });
    }
  }

  test("the Arabic image credit reads right to left inside the English caption", async ({ page }) => {
    await page.goto(`/articles/${fixtureSlug}`);
    const credit = page.locator("figcaption bdi");
    await expect(credit).toHaveText("© الجهاد في سبيل الله");
    expect(await credit.evaluate((element) => element.matches(":dir(rtl)"))).toBe(true);
    await expect(credit).toHaveCSS("unicode-bidi", "isolate");
  });

  test("keyboard users get a skip link and a visible focus ring", async ({ page }) => {
    await page.goto(`/articles/${fixtureSlug}`);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
    await page.getByLabel("Name").focus();
    await expect(page.getByLabel("Name")).toHaveCSS("outline-style", "solid");
  });
});
