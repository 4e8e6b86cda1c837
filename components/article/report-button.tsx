"use client";

import { useActionState } from "react";
import { reportCommentAction } from "@/app/(public)/articles/[slug]/actions";
import { idle } from "@/lib/action-state";
import styles from "./comments.module.css";

/** Flags a comment for the moderators; each reader can do it once. */
export function ReportButton({ commentId, authorName }: { commentId: string; authorName: string }) {
  const [state, action, pending] = useActionState(reportCommentAction, idle);
  const done = state.status === "success";
  return (
    <form action={action} className={styles.reportForm}>
      <input type="hidden" name="commentId" value={commentId} />
      {done ? null : (
        <button type="submit" className={styles.linkButton} disabled={pending}>
          {pending ? "Reporting…" : "Report"}
          <span className="visually-hidden"> comment by {authorName}</span>
        </button>
      )}
      <span role="status" className={state.status === "error" ? styles.reportError : styles.reportDone}>
        {state.message}
      </span>
    </form>
  );
}
