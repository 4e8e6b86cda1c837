import { describe, expect, test } from "vitest";
import { newsArticleJsonLd, serializeJsonLd } from "@/lib/structured-data";

const input = {
  siteUrl: "https://news.example",
  siteName: "Newsroom",
  slug: "isis-buries-alive",
  title: "ISIS buries alive dozens of defectors </script><script>alert(1)</script>",
  dek: "Accounts differ",
  publishedAt: new Date("2026-11-20T09:00:00Z"),
  updatedAt: new Date("2026-11-20T10:00:00Z"),
  authors: [{ name: "Nadia Haddad", slug: "nadia-haddad" }],
  section: { name: "World" },
  tags: ["Iraq", "Mosul"],
  image: { url: "/media/images/x.jpg", width: 1600, height: 900 },
  commentCount: 1,
};

describe("NewsArticle JSON-LD", () => {
  test("describes the story with absolute URLs", () => {
    expect(newsArticleJsonLd(input)).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: input.title,
      url: "https://news.example/articles/isis-buries-alive",
      datePublished: "2026-11-20T09:00:00.000Z",
      dateModified: "2026-11-20T10:00:00.000Z",
      author: [{ "@type": "Person", name: "Nadia Haddad", url: "https://news.example/authors/nadia-haddad" }],
      publisher: { name: "Newsroom" },
      articleSection: "World",
      keywords: ["Iraq", "Mosul"],
      image: [{ url: "https://news.example/media/images/x.jpg", width: 1600, height: 900 }],
      commentCount: 1,
    });
  });

  test("leaves out what a story does not have", () => {
    const bare = newsArticleJsonLd({ ...input, dek: "", section: null, tags: [], image: null, publishedAt: null });
    for (const key of ["description", "articleSection", "keywords", "image", "datePublished"]) expect(bare).not.toHaveProperty(key);
  });

  test("serializes without anything that could end the script element, and parses back to the same data", () => {
    const text = serializeJsonLd(newsArticleJsonLd({ ...input, dek: "line\u2028break" }));
    expect(text).not.toContain("<");
    expect(text).not.toContain("\u2028");
    expect(JSON.parse(text).headline).toBe(input.title);
  });
});
