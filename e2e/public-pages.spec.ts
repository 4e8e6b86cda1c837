import { expect, test } from "@playwright/test";
import { fixtureSlug, fixtureTitle } from "./support/seed-stories";

test.describe("reader pages", () => {
  test("a section lists its published stories", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Politics" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Politics");
    await expect(page.getByRole("link", { name: "City council approves late-night bus routes after two-year trial" })).toBeVisible();
    await expect(page.locator("main")).not.toContainText("Hospital waiting lists");
    await expect(page.locator("main")).not.toContainText("Budget preview");
    expect((await page.goto("/sections/no-such-section"))?.status()).toBe(404);
  });

  test("a topic lists its stories; a topic of unpublished stories only does not exist", async ({ page }) => {
    await page.goto(`/articles/${fixtureSlug}`);
    await page.getByRole("navigation", { name: "Topics" }).getByRole("link", { name: "Mosul" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mosul");
    await expect(page.getByRole("link", { name: fixtureTitle })).toBeVisible();
    expect((await page.goto("/tags/health"))?.status()).toBe(404);
  });

  test("an author's page shows the bio and bylines; staff without a byline have none", async ({ page }) => {
    await page.goto(`/articles/${fixtureSlug}`);
    await page.getByRole("link", { name: "Nadia Haddad" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nadia Haddad");
    await expect(page.getByText("Nadia Haddad is the foreign editor.")).toBeVisible();
    await expect(page.getByRole("link", { name: fixtureTitle })).toBeVisible();
    await expect(page.locator("main")).not.toContainText("Budget preview");
    expect((await page.goto("/authors/priya-nair"))?.status()).toBe(404);
  });

  test("an article carries NewsArticle JSON-LD, Open Graph and Twitter tags, and a canonical URL", async ({ page }) => {
    await page.goto(`/articles/${fixtureSlug}`);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(jsonLd).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: fixtureTitle,
      author: [{ "@type": "Person", name: "Nadia Haddad" }],
      articleSection: "World",
      commentCount: expect.any(Number),
    });
    expect(jsonLd.datePublished).toMatch(/^\d{4}-\d\d-\d\dT/);
    const meta = (name: string) => page.locator(`meta[property="${name}"], meta[name="${name}"]`).first();
    await expect(meta("og:type")).toHaveAttribute("content", "article");
    await expect(meta("og:title")).toHaveAttribute("content", fixtureTitle);
    await expect(meta("og:image")).toHaveAttribute("content", /^https?:\/\/.+\/media\/.+\.jpg$/);
    await expect(meta("article:section")).toHaveAttribute("content", "World");
    await expect(meta("twitter:card")).toHaveAttribute("content", "summary_large_image");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`^https?://[^/]+/articles/${fixtureSlug}$`));
  });

  test("the front page leads with a story and links the feed", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("region", { name: "Lead story" }).getByRole("link")).toHaveAttribute("href", /^\/articles\//);
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute("href", /\/feed\.xml$/);
  });
});
