import type { PublicComment } from "@/lib/comment-thread";
import { NewsroomTime } from "@/components/ui/newsroom-time";
import { plural } from "@/lib/format";
import { CommentForm } from "./comment-form";
import { CommentText } from "./comment-text";
import { OwnPendingComments } from "./own-pending-comments";
import { ReplyLink, ReplyProvider } from "./reply-context";
import { ReportButton } from "./report-button";
import styles from "./article.module.css";
import commentStyles from "./comments.module.css";

/** Replies nest visually up to this depth; deeper replies line up with their parent. */
const MAX_INDENT = 4;

function CommentItem({ comment, articleSlug, depth, interactive }: { comment: PublicComment; articleSlug: string; depth: number; interactive: boolean }) {
  const authorId = `comment-${comment.id}-author`;
  return (
    <li id={`comment-${comment.id}`} className={styles.comment}>
      {/* Not named: a name here would make every comment answer to a search for the form's "Name" or "Comment" fields. */}
      <article>
        <p className={styles.commentMeta}>
          <bdi id={authorId} className={styles.commentAuthor}>
            {comment.authorName}
          </bdi>
          {comment.isStaff ? <span className={styles.staffBadge}>Staff</span> : null}{" "}
          <a href={`#comment-${comment.id}`} className={styles.commentTime}>
            <NewsroomTime date={comment.createdAt} />
          </a>
        </p>
        <CommentText text={comment.body} />
        {interactive ? (
          <div className={commentStyles.actions}>
            <ReplyLink
              href={`/articles/${articleSlug}/reply/${comment.id}#respond`}
              target={{ id: comment.id, authorName: comment.authorName }}
              className={commentStyles.replyLink}
            />
            <ReportButton commentId={comment.id} describedBy={authorId} />
          </div>
        ) : null}
      </article>
      {comment.replies.length > 0 ? (
        <ol className={depth < MAX_INDENT ? styles.replies : styles.flatReplies}>
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} articleSlug={articleSlug} depth={depth + 1} interactive={interactive} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

interface Props {
  title: string;
  count: number;
  comments: PublicComment[];
  /** Without a slug (a staff preview) the thread is shown read-only, with no form. */
  articleSlug?: string;
  open?: boolean;
}

/**
 * "N thoughts on “Title”" and the approved comments as a thread, then the form
 * to join in. The form sits after the thread's region, not inside it, so the
 * region holds exactly the conversation it is named after.
 */
export function CommentThread({ articleSlug, title, count, comments, open = false }: Props) {
  const interactive = open && articleSlug !== undefined;
  return (
    <ReplyProvider>
      {/* Named without the headline, which may itself contain "Name", "Email" or "Comment". */}
      <section className={styles.comments} aria-label={`${plural(count, "thought")} on this story`} id="comments">
        <h2 id="comments-heading">
          {plural(count, "thought")} on “{title}”
        </h2>
        {comments.length > 0 ? (
          <ol className={styles.thread}>
            {comments.map((comment) => (
              <CommentItem key={comment.id} comment={comment} articleSlug={articleSlug ?? ""} depth={1} interactive={interactive} />
            ))}
          </ol>
        ) : (
          <p className={styles.noComments}>No comments yet. Start the conversation.</p>
        )}
      </section>
      {articleSlug ? <OwnPendingComments articleSlug={articleSlug} /> : null}
      {interactive && articleSlug ? (
        <CommentForm articleSlug={articleSlug} />
      ) : articleSlug ? (
        <p className={commentStyles.closed}>Comments are closed on this story.</p>
      ) : null}
    </ReplyProvider>
  );
}
