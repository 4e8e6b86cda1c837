"use client";

import { useActionState } from "react";
import { reportCommentAction } from "@/app/(public)/articles/[slug]/actions";
import { idle } from "@/lib/action-state";
import styles from "./comments.module.css";

/** Flags a comment for the moderators; each reader can do it once. */
export function ReportButton({ commentId, describedBy }: { commentId: string; describedBy: string }) {
  const [state, action, pending] = useActionState(reportCommentAction, idle);
  const done = state.status === "success";
  return (
    <form action={action} className={styles.reportForm}>
      <input type="hidden" name="commentId" value={commentId} />
      {done ? null : (
        // Named "Report" like every other; the author's name, read after it, says which comment.
        <button type="submit" className={styles.linkButton} disabled={pending} aria-describedby={describedBy}>
          {pending ? "Reporting…" : "Report"}
        </button>
      )}
      <span role="status" className={state.status === "error" ? styles.reportError : styles.reportDone}>
        {state.message}
      </span>
    </form>
  );
}
