"use client";

import { useEffect, useId, useRef, useState } from "react";
import { staffReplyAction } from "@/app/(dashboard)/dashboard/moderation/actions";
import type { QueueRow } from "@/lib/services/moderation";
import styles from "./moderation.module.css";

interface Props {
  row: QueueRow;
  staffName: string;
  onCancel: () => void;
  onDone: (message: string, parentApproved: boolean) => void;
}

/** Reply as staff, under the comment. What was typed stays if the reply is refused. */
export function ReplyPanel({ row, staffName, onCancel, onDone }: Props) {
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => textarea.current?.focus(), []);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSending(true);
    setError(null);
    const result = await staffReplyAction({ parentId: row.id, seenStatus: row.status, body });
    setSending(false);
    if (result.ok) onDone(result.data.message, result.data.approvedParent);
    else setError(result.error.fields?.body?.[0] ?? result.error.message);
  }

  const errorId = `${id}-error`;
  return (
    <form className={styles.panel} onSubmit={submit} onKeyDown={(event) => event.key === "Escape" && onCancel()}>
      <label htmlFor={`${id}-body`} className={styles.panelLabel}>
        Reply as {staffName} (published at once, marked Staff; Ctrl+Enter posts)
      </label>
      <textarea
        id={`${id}-body`}
        ref={textarea}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) event.currentTarget.form?.requestSubmit();
        }}
        rows={4}
        maxLength={5000}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={styles.textarea}
      />
      <div aria-live="polite">
        {error ? (
          <p id={errorId} className={styles.fieldError}>
            {error}
          </p>
        ) : null}
      </div>
      <div className={styles.panelButtons}>
        <button type="submit" className={styles.primaryButton} disabled={sending}>
          {sending ? "Posting…" : row.status === "PENDING" ? "Approve and reply" : "Post reply"}
        </button>
        <button type="button" className={styles.secondaryButton} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
