import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleBody } from "@/components/article/article-body";
import { ArticleHeader } from "@/components/article/article-header";
import { ArticleTags } from "@/components/article/article-tags";
import { CommentThread } from "@/components/article/comment-thread";
import { Corrections } from "@/components/article/corrections";
import { FeaturedImage } from "@/components/article/featured-image";
import { SourcesBlock } from "@/components/article/sources-block";
import styles from "@/components/article/article.module.css";
import { env } from "@/lib/env";
import { findCurrentSlug, getPublishedArticle } from "@/lib/services/public-articles";
import { approvedThread, commentsAreOpen, countApproved } from "@/lib/services/public-comments";
import { getSetting } from "@/lib/services/settings";
import { mediaUrl } from "@/lib/storage/urls";
import { newsArticleJsonLd, serializeJsonLd } from "@/lib/structured-data";

// Served from the full-route cache; publishing, edits and comment moderation
// revalidate this path on demand. The hour is a safety net, and lets the
// "comments close after N days" rule show on a page nobody touched.
export const revalidate = 3600;

export function generateStaticParams(): { slug: string }[] {
  // Nothing is rendered at build time: each story is rendered on its first visit.
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [article, site] = await Promise.all([getPublishedArticle(slug), getSetting("site")]);
  if (!article) return {};
  const path = `/articles/${article.slug}`;
  const description = article.dek || undefined;
  const image = article.featuredImage
    ? { url: mediaUrl(article.featuredImage.key), width: article.featuredImage.width, height: article.featuredImage.height, alt: article.imageAlt }
    : undefined;
  const authors = article.bylines.map(({ user }) => user);
  return {
    title: article.title,
    description,
    alternates: { canonical: path, types: { "application/rss+xml": "/feed.xml" } },
    authors: authors.map((author) => ({ name: author.name, url: `/authors/${author.slug}` })),
    keywords: article.tags.map(({ tag }) => tag.name),
    openGraph: {
      type: "article",
      url: path,
      siteName: site.name,
      title: article.title,
      description,
      publishedTime: article.publishedAt?.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      authors: authors.map((author) => `${env.SITE_URL}/authors/${author.slug}`),
      section: article.section?.name,
      tags: article.tags.map(({ tag }) => tag.name),
      images: image ? [image] : undefined,
    },
    twitter: {
      card: image ? "summary_large_image" : "summary",
      title: article.title,
      description,
      images: image ? [{ url: image.url, alt: image.alt }] : undefined,
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const article = await getPublishedArticle(slug);
  if (!article) {
    const current = await findCurrentSlug(slug);
    if (current) permanentRedirect(`/articles/${current}`);
    notFound();
  }
  const [comments, commentCount, open, site] = await Promise.all([
    approvedThread(article.id),
    countApproved(article.id),
    commentsAreOpen(article),
    getSetting("site"),
  ]);
  const authors = article.bylines.map((byline) => byline.user);
  const structuredData = newsArticleJsonLd({
    siteUrl: env.SITE_URL,
    siteName: site.name,
    slug: article.slug,
    title: article.title,
    dek: article.dek,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    authors,
    section: article.section,
    tags: article.tags.map(({ tag }) => tag.name),
    image: article.featuredImage && { url: mediaUrl(article.featuredImage.key), width: article.featuredImage.width, height: article.featuredImage.height },
    commentCount,
  });

  return (
    <article className={styles.article}>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(structuredData) }} />
      <ArticleHeader
        title={article.title}
        dek={article.dek}
        section={article.section}
        authors={authors}
        publishedAt={article.publishedAt}
        updatedAt={article.updatedAt}
        commentCount={commentCount}
      />
      <FeaturedImage image={article.featuredImage} alt={article.imageAlt} caption={article.imageCaption} credit={article.imageCredit} />
      <ArticleBody html={article.bodyHtml} />
      <Corrections corrections={article.corrections} />
      <ArticleTags tags={article.tags.map(({ tag }) => tag)} />
      <SourcesBlock citations={article.citations} />
      <CommentThread articleSlug={article.slug} title={article.title} count={commentCount} comments={comments} open={open} />
    </article>
  );
}
