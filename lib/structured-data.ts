/**
 * schema.org NewsArticle for an article page, as JSON-LD. Built from what the
 * page shows (nothing private), with absolute URLs, and serialized so that no
 * text in a story can close the <script> element it sits in.
 */

export interface NewsArticleInput {
  siteUrl: string;
  siteName: string;
  slug: string;
  title: string;
  dek: string;
  publishedAt: Date | null;
  updatedAt: Date;
  authors: { name: string; slug: string }[];
  section: { name: string } | null;
  tags: string[];
  image: { url: string; width: number; height: number } | null;
  commentCount: number;
}

export function newsArticleJsonLd(input: NewsArticleInput): Record<string, unknown> {
  const url = `${input.siteUrl}/articles/${input.slug}`;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": url,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    headline: input.title,
    ...(input.dek ? { description: input.dek } : {}),
    ...(input.publishedAt ? { datePublished: input.publishedAt.toISOString() } : {}),
    dateModified: input.updatedAt.toISOString(),
    author: input.authors.map((author) => ({ "@type": "Person", name: author.name, url: `${input.siteUrl}/authors/${author.slug}` })),
    publisher: { "@type": "NewsMediaOrganization", name: input.siteName, url: input.siteUrl },
    ...(input.section ? { articleSection: input.section.name } : {}),
    ...(input.tags.length ? { keywords: input.tags } : {}),
    ...(input.image
      ? { image: [{ "@type": "ImageObject", url: `${input.siteUrl}${input.image.url}`, width: input.image.width, height: input.image.height }] }
      : {}),
    commentCount: input.commentCount,
    isAccessibleForFree: true,
  };
}

/** JSON for inside <script type="application/ld+json">: "<" is escaped, so "</script>" in a headline stays text. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
