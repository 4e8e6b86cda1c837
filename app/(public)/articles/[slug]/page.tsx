import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleBody } from "@/components/article/article-body";
import { ArticleHeader } from "@/components/article/article-header";
import { CommentThread } from "@/components/article/comment-thread";
import { Corrections } from "@/components/article/corrections";
import { FeaturedImage } from "@/components/article/featured-image";
import { SourcesBlock } from "@/components/article/sources-block";
import styles from "@/components/article/article.module.css";
import { findCurrentSlug, getPublishedArticle } from "@/lib/services/public-articles";
import { approvedThread, countApproved } from "@/lib/services/public-comments";

// Served from the full-route cache; publishing, edits and comment moderation
// revalidate this path on demand. The hour is only a safety net.
export const revalidate = 3600;

export function generateStaticParams(): { slug: string }[] {
  // Nothing is rendered at build time: each story is rendered on its first visit.
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const article = await getPublishedArticle(slug);
  if (!article) return {};
  return {
    title: article.title,
    description: article.dek || undefined,
    alternates: { canonical: `/articles/${article.slug}` },
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
  const [comments, commentCount] = await Promise.all([approvedThread(article.id), countApproved(article.id)]);

  return (
    <article className={styles.article}>
      <ArticleHeader
        title={article.title}
        dek={article.dek}
        section={article.section}
        authors={article.bylines.map((byline) => byline.user)}
        publishedAt={article.publishedAt}
        updatedAt={article.updatedAt}
      />
      <FeaturedImage
        image={article.featuredImage}
        alt={article.imageAlt}
        caption={article.imageCaption}
        credit={article.imageCredit}
      />
      <ArticleBody html={article.bodyHtml} />
      <Corrections corrections={article.corrections} />
      <SourcesBlock citations={article.citations} />
      <CommentThread title={article.title} count={commentCount} comments={comments} />
    </article>
  );
}
