"use client";

import { useEffect, useMemo } from "react";
import { ownCommentStatusesAction } from "@/app/(public)/articles/[slug]/actions";
import { CommentText } from "./comment-text";
import { recordStatuses, useOwnComments } from "./own-comments";
import styles from "./comments.module.css";

/**
 * The reader's own comments on this story that a moderator has not approved
 * yet, from what this browser remembers (own-comments.ts), marked as waiting
 * and said to be visible to them alone. The server is asked once per visit
 * which of them still wait; approved and removed ones are forgotten.
 */
export function OwnPendingComments({ articleSlug }: { articleSlug: string }) {
  const { comments, awaiting } = useOwnComments();
  const mine = useMemo(() => comments.filter((comment) => comment.articleSlug === articleSlug), [comments, articleSlug]);
  const unchecked = mine
    .filter((comment) => !awaiting.has(comment.id))
    .map((comment) => comment.id)
    .join(" ");

  useEffect(() => {
    if (!unchecked) return;
    let current = true;
    void ownCommentStatusesAction({ ids: unchecked.split(" ") }).then((answer) => {
      if (current && answer.ok) recordStatuses(answer.data);
    });
    return () => {
      current = false;
    };
  }, [unchecked]);

  const waiting = mine.filter((comment) => awaiting.has(comment.id));
  if (waiting.length === 0) return null;
  return (
    // A plain block, not a named region: a region named "…comment…" would answer to the comment box's label too.
    <div className={styles.ownPending}>
      <h3 className={styles.ownPendingHeading}>
        Your {waiting.length === 1 ? "comment" : "comments"} awaiting moderation
      </h3>
      <p className={styles.ownPendingNote}>
        Only you can see {waiting.length === 1 ? "it" : "them"}, in this browser. A moderator reviews every comment before it appears to
        everyone.
      </p>
      <ol className={styles.ownPendingList}>
        {waiting.map((comment) => (
          <li key={comment.id}>
            <article>
              <p className={styles.pendingMeta}>
                <bdi>{comment.authorName}</bdi>
                {comment.parent ? (
                  <>
                    {" "}
                    replying to <bdi>{comment.parent.authorName}</bdi>
                  </>
                ) : null}{" "}
                · <span className={styles.awaitingBadge}>Awaiting moderation</span>
              </p>
              <CommentText text={comment.body} />
            </article>
          </li>
        ))}
      </ol>
    </div>
  );
}
