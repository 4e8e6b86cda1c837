import { expect, test } from "@playwright/test";

const fixtureSlug = "isis-buries-alive-dozens-of-defectors-who-fled-iraq-battlefield-reports";
const fixtureTitle = "ISIS buries alive dozens of defectors who fled Iraq battlefield – reports";

test.describe("the seeded story", () => {
  test("renders with its dek, body, image credit, sources and approved comment", async ({ page }) => {
    const response = await page.goto(`/articles/${fixtureSlug}`);
    expect(response?.status()).toBe(200);

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fixtureTitle);
    await expect(page.getByText("Accounts of the executions near Qayyarah differ")).toBeVisible();
    await expect(page.getByText("The overall number of militants who have been executed remains ambiguous.")).toBeVisible();
    await expect(page.locator("figcaption")).toContainText("© الجهاد في سبيل الله");
    await expect(page.getByRole("link", { name: "World" }).first()).toBeVisible();

    const sources = page.getByRole("region", { name: "Sources" });
    await expect(sources).toContainText("AhlulBayt News Agency (ABNA)");
    await expect(sources).toContainText("Iraqi News");
    await expect(sources).toContainText("An anonymous provincial source");
    await expect(sources).toContainText("(via ABNA)");
    // Staff-only notes about a source never reach readers.
    await expect(page.locator("body")).not.toContainText("Known to ABNA's Mosul stringer only");

    const differ = page.getByRole("note", { name: "Reports differ on the death toll" });
    await expect(differ).toContainText("35");
    await expect(differ).toContainText("ABNA");
    await expect(differ).toContainText("45");
    await expect(differ).toContainText("Iraqi News");

    const comments = page.getByRole("region", { name: /thought on/ });
    await expect(comments.getByRole("heading")).toHaveText(`1 thought on “${fixtureTitle}”`);
    await expect(comments).toContainText("Whether it’s true or not");
    // The pending comment waits for a moderator.
    await expect(page.locator("body")).not.toContainText("Is there any independent confirmation");
    // Commenters' emails are never published.
    await expect(page.locator("body")).not.toContainText("darren.reader@example.com");
  });

  test("is on the front page", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: fixtureTitle })).toBeVisible();
    await page.getByRole("link", { name: fixtureTitle }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${fixtureSlug}$`));
  });
});

test.describe("stories readers must not see", () => {
  for (const [label, slug] of [
    ["a draft", "hospital-waiting-lists-what-the-new-figures-do-and-do-not-show"],
    ["a story in review", "regional-airline-adds-three-routes-for-the-summer-season"],
    ["a story scheduled for later", "budget-preview-five-numbers-to-watch-on-thursday"],
    ["an unknown slug", "no-such-story-anywhere"],
  ] as const) {
    test(`${label} answers 404`, async ({ page }) => {
      const response = await page.goto(`/articles/${slug}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "We can’t find that page" })).toBeVisible();
    });
  }

  test("the front page lists no unpublished story", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("main")).not.toContainText("Hospital waiting lists");
    await expect(page.locator("main")).not.toContainText("Budget preview");
  });
});
