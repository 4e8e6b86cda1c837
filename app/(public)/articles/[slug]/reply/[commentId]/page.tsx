import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommentForm } from "@/components/article/comment-form";
import { CommentText } from "@/components/article/comment-text";
import styles from "@/components/article/reply-page.module.css";
import { NewsroomTime } from "@/components/ui/newsroom-time";
import { getPublishedArticle } from "@/lib/services/public-articles";
import { approvedComment, commentsAreOpen } from "@/lib/services/public-comments";

export const metadata: Metadata = { title: "Reply to a comment", robots: { index: false, follow: false } };

type Props = { params: Promise<{ slug: string; commentId: string }> };

/**
 * Where a comment's Reply link leads when JavaScript is off: the comment being
 * answered and the form, posting as a reply to it. (With JavaScript the link
 * turns the form under the thread into a reply instead.)
 */
export default async function ReplyPage({ params }: Props) {
  const { slug, commentId } = await params;
  const article = await getPublishedArticle(slug);
  if (!article || !/^[0-9a-f-]{36}$/i.test(commentId)) notFound();
  const [parent, open] = await Promise.all([approvedComment(article.id, commentId), commentsAreOpen(article)]);
  if (!parent) notFound();

  return (
    <div className={styles.page}>
      <p className={styles.back}>
        <Link href={`/articles/${article.slug}#comment-${parent.id}`}>← Back to “{article.title}”</Link>
      </p>
      <h1 className={styles.title}>Reply to a comment</h1>
      <figure className={styles.parent}>
        <blockquote>
          <CommentText text={parent.body} />
        </blockquote>
        <figcaption>
          <bdi>{parent.authorName}</bdi>, <NewsroomTime date={parent.createdAt} />, on “{article.title}”
        </figcaption>
      </figure>
      {open ? (
        <CommentForm articleSlug={article.slug} fixedParent={{ id: parent.id, authorName: parent.authorName }} />
      ) : (
        <p>Comments are closed on this story.</p>
      )}
    </div>
  );
}
