"use client";

import { useActionState } from "react";
import { restoreRevisionAction } from "@/app/(dashboard)/dashboard/articles/actions";
import { idle } from "@/lib/action-state";
import ui from "@/components/dashboard/desk-ui.module.css";

/** Restores one revision as a new one; refused (with the reason) if the story changed meanwhile. */
export function RestoreRevisionButton({ articleId, revisionId, version, label }: { articleId: string; revisionId: string; version: number; label: string }) {
  const [state, action, pending] = useActionState(restoreRevisionAction, idle);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={articleId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className={`${ui.buttonSecondary} ${ui.small}`} disabled={pending} aria-label={label}>
        {pending ? "Restoring…" : "Restore"}
      </button>
      {state.status === "error" ? (
        <p role="alert" className={ui.noticeError}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
