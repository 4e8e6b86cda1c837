import { formatDateTime, plural } from "@/lib/format";
import type { PublicComment } from "@/lib/comment-thread";
import { CommentText } from "./comment-text";
import styles from "./article.module.css";

function CommentItem({ comment }: { comment: PublicComment }) {
  return (
    <li id={`comment-${comment.id}`} className={styles.comment}>
      <article aria-label={`Comment by ${comment.authorName}`}>
        <p className={styles.commentMeta}>
          <bdi className={styles.commentAuthor}>{comment.authorName}</bdi>
          {comment.isStaff ? <span className={styles.staffBadge}>Staff</span> : null}{" "}
          <a href={`#comment-${comment.id}`} className={styles.commentTime}>
            <time dateTime={comment.createdAt.toISOString()}>{formatDateTime(comment.createdAt)}</time>
          </a>
        </p>
        <CommentText text={comment.body} />
      </article>
      {comment.replies.length > 0 ? (
        <ol className={styles.replies}>
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

export function CommentThread({ title, count, comments }: { title: string; count: number; comments: PublicComment[] }) {
  return (
    <section className={styles.comments} aria-labelledby="comments-heading">
      <h2 id="comments-heading">
        {plural(count, "thought")} on “{title}”
      </h2>
      {comments.length > 0 ? (
        <ol className={styles.thread}>
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} />
          ))}
        </ol>
      ) : (
        <p className={styles.noComments}>No comments yet.</p>
      )}
    </section>
  );
}
