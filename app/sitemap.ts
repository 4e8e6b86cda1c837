import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { sitemapData } from "@/lib/services/public-articles";

// Cached and revalidated whenever a story is published, edited or taken down (lib/revalidate.ts).
export const revalidate = 3600;

/** /sitemap.xml — published stories (newest first), sections, topics and authors. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const site = env.SITE_URL;
  const { stories, sections, tags, authors } = await sitemapData();
  return [
    { url: `${site}/`, changeFrequency: "hourly", priority: 1 },
    ...sections.map((section) => ({ url: `${site}/sections/${section.slug}`, changeFrequency: "hourly" as const, priority: 0.8 })),
    ...stories.map((story) => ({ url: `${site}/articles/${story.slug}`, lastModified: story.updatedAt, changeFrequency: "daily" as const, priority: 0.7 })),
    ...tags.map((tag) => ({ url: `${site}/tags/${tag.slug}`, changeFrequency: "daily" as const, priority: 0.4 })),
    ...authors.map((author) => ({ url: `${site}/authors/${author.slug}`, changeFrequency: "weekly" as const, priority: 0.3 })),
  ];
}
