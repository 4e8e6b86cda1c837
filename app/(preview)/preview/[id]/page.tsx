import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ArticleBody } from "@/components/article/article-body";
import { ArticleHeader } from "@/components/article/article-header";
import { Corrections } from "@/components/article/corrections";
import { FeaturedImage } from "@/components/article/featured-image";
import { SourcesBlock } from "@/components/article/sources-block";
import styles from "@/components/article/article.module.css";
import preview from "@/components/editor/preview.module.css";
import { statusLabels } from "@/lib/article-labels";
import { requirePageUser } from "@/lib/auth";
import { formatDateTime } from "@/lib/dates";
import { getTimeZone } from "@/lib/services/settings";
import { AppError } from "@/lib/errors";
import { getArticleForPreview, type PreviewArticle } from "@/lib/services/articles";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

/**
 * A story as readers will see it, drawn with the public page's own
 * components, before it is published. Staff only, marked as a preview.
 */
export default async function PreviewPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser("article:draft", `/dashboard/articles/${id}`);
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  let article: PreviewArticle;
  try {
    article = await getArticleForPreview(user, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError && error.code === "forbidden") forbidden();
    throw error;
  }
  const timeZone = await getTimeZone();
  const live = article.status === "PUBLISHED" && !article.deletedAt;

  return (
    <>
      <div className={preview.banner} role="note" aria-label="Preview">
        <p>
          <strong>Preview</strong> · {article.deletedAt ? "In the trash" : statusLabels[article.status]}
          {article.status === "SCHEDULED" && article.scheduledFor ? ` for ${formatDateTime(article.scheduledFor, timeZone)}` : ""}
          {live ? " · this is the version readers see" : " · readers cannot see this yet"}
        </p>
        <p>
          <Link href={`/dashboard/articles/${article.id}`}>Back to the editor</Link>
          {live ? (
            <>
              {" · "}
              <Link href={`/articles/${article.slug}`}>Public page</Link>
            </>
          ) : null}
        </p>
      </div>
      <article className={styles.article}>
        <ArticleHeader
          title={article.title}
          dek={article.dek}
          section={article.section}
          authors={article.bylines.map((byline) => byline.user)}
          publishedAt={article.publishedAt}
          updatedAt={article.updatedAt}
        />
        <FeaturedImage image={article.featuredImage} alt={article.imageAlt} caption={article.imageCaption} credit={article.imageCredit} />
        <ArticleBody html={article.bodyHtml} />
        <Corrections corrections={article.corrections} />
        <SourcesBlock citations={article.citations} />
      </article>
    </>
  );
}
