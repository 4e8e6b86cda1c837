import { expect, test } from "@playwright/test";
import { fixtureSlug, fixtureTitle } from "./support/seed-stories";

test.describe("search", () => {
  test("a reader finds the seed story by “Qayyarah” from the masthead", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Search" }).click();
    await page.getByLabel("Search stories").fill("Qayyarah");
    await page.getByLabel("Search stories").press("Enter");

    await expect(page).toHaveURL(/\/search\?q=Qayyarah/);
    await expect(page.getByRole("heading", { name: "1 story matches “Qayyarah”" })).toBeVisible();
    const result = page.getByRole("link", { name: fixtureTitle });
    await expect(result).toHaveAttribute("href", `/articles/${fixtureSlug}`);
    await expect(page.locator("mark").first()).toHaveText("Qayyarah");
    await result.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fixtureTitle);
  });

  test("a quoted phrase matches, ranked title first", async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent("“buried alive”")}`);
    await expect(page.getByRole("link", { name: fixtureTitle })).toBeVisible();
  });

  for (const [label, query, message] of [
    ["an empty query", "", "Type a word or a phrase to search for."],
    ["punctuation only", "!!! ---", "Type a word or a phrase to search for."],
    ["an unbalanced quote", '"Mosul', "1 story matches"],
    ["SQL-looking text", `'; DROP TABLE "Article"; --`, "No stories match"],
  ] as const) {
    test(`${label} answers without an error`, async ({ page }) => {
      const response = await page.goto(`/search?q=${encodeURIComponent(query)}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByText(message)).toBeVisible();
    });
  }

  test("stories that are not published are never found", async ({ page }) => {
    for (const words of ["hospital waiting lists", "regional airline routes", "budget preview"]) {
      await page.goto(`/search?q=${encodeURIComponent(words)}`);
      await expect(page.getByText(`No stories match “${words}”.`)).toBeVisible();
    }
  });
});
