import { expect, test } from "@playwright/test";
import { fixtureSlug, publishedSlugs, unpublishedSlugs } from "./support/seed-stories";

test.describe("syndication", () => {
  test("/feed.xml is RSS 2.0 listing published stories only", async ({ request }) => {
    const response = await request.get("/feed.xml");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/rss+xml");
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<rss version="2.0"/);
    for (const slug of publishedSlugs) expect(xml).toContain(`/articles/${slug}</link>`);
    for (const slug of unpublishedSlugs) expect(xml).not.toContain(slug);
    expect(xml).not.toContain("Hospital waiting lists");
    expect(xml).not.toContain("@newsroom.example");
  });

  test("each section has its own feed", async ({ request }) => {
    const world = await (await request.get("/sections/world/feed.xml")).text();
    expect(world).toContain(`/articles/${fixtureSlug}</link>`);
    expect(world).not.toContain("city-council-approves");
    const politics = await (await request.get("/sections/politics/feed.xml")).text();
    expect(politics).toContain("city-council-approves-late-night-bus-routes-after-two-year-trial");
    expect(politics).not.toContain("budget-preview");
    expect((await request.get("/sections/no-such-section/feed.xml")).status()).toBe(404);
  });

  test("/sitemap.xml lists published stories only; /robots.txt points to it", async ({ request }) => {
    const sitemap = await (await request.get("/sitemap.xml")).text();
    expect(sitemap).toContain("<urlset");
    for (const slug of publishedSlugs) expect(sitemap).toContain(`/articles/${slug}</loc>`);
    for (const slug of unpublishedSlugs) expect(sitemap).not.toContain(slug);
    // Tags used only by unpublished stories stay unknown.
    expect(sitemap).not.toContain("/tags/health<");
    expect(sitemap).toContain("/tags/iraq</loc>");

    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toMatch(/Sitemap: https?:\/\/[^\s]+\/sitemap\.xml/);
    expect(robots).toContain("Disallow: /dashboard");
  });
});
