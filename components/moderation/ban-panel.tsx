"use client";

import { useEffect, useId, useRef, useState } from "react";
import { banFromCommentAction } from "@/app/(dashboard)/dashboard/moderation/actions";
import type { QueueRow } from "@/lib/services/moderation";
import styles from "./moderation.module.css";

interface Props {
  row: QueueRow;
  onCancel: () => void;
  onDone: (message: string) => void;
}

/** Ban this comment's author by email and/or IP hash, optionally sweeping their pending comments into Spam. */
export function BanPanel({ row, onCancel, onDone }: Props) {
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  const [banEmail, setBanEmail] = useState(!row.banned.email);
  const [banIp, setBanIp] = useState(row.ipHash !== null && !row.banned.ip);
  const [reason, setReason] = useState("");
  const [spamPending, setSpamPending] = useState(row.history.pending > 0);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => first.current?.focus(), []);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSending(true);
    setError(null);
    const result = await banFromCommentAction({ commentId: row.id, banEmail, banIp, reason, spamPending });
    setSending(false);
    if (result.ok) onDone(result.data.message);
    else setError(result.error.fields?.banEmail?.[0] ?? result.error.fields?.banIp?.[0] ?? result.error.fields?.reason?.[0] ?? result.error.message);
  }

  const errorId = `${id}-error`;
  const pending = row.history.pending;
  return (
    <form className={styles.panel} onSubmit={submit} onKeyDown={(event) => event.key === "Escape" && onCancel()}>
      <fieldset className={styles.fieldset} aria-describedby={error ? errorId : undefined}>
        <legend className={styles.panelLabel}>Ban {row.authorName}</legend>
        <label className={styles.check}>
          <input ref={first} type="checkbox" checked={banEmail} onChange={(event) => setBanEmail(event.target.checked)} />
          Email address <span className={styles.muted}>{row.authorEmail}</span>
          {row.banned.email ? <span className={styles.muted}> (already banned)</span> : null}
        </label>
        <label className={styles.check}>
          <input type="checkbox" checked={banIp} disabled={!row.ipHash} onChange={(event) => setBanIp(event.target.checked)} />
          IP hash <span className={styles.muted}>{row.ipHash ? `${row.ipHash.slice(0, 12)}…` : "none recorded"}</span>
          {row.banned.ip ? <span className={styles.muted}> (already banned)</span> : null}
        </label>
        <label htmlFor={`${id}-reason`} className={styles.smallLabel}>
          Reason <span className={styles.muted}>(optional, staff only)</span>
        </label>
        <input id={`${id}-reason`} value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} className={styles.input} />
        <label className={styles.check}>
          <input type="checkbox" checked={spamPending} onChange={(event) => setSpamPending(event.target.checked)} />
          Also move their pending comments to Spam{pending ? ` (${pending} now)` : ""}
        </label>
      </fieldset>
      <div aria-live="polite">
        {error ? (
          <p id={errorId} className={styles.fieldError}>
            {error}
          </p>
        ) : null}
      </div>
      <div className={styles.panelButtons}>
        <button type="submit" className={styles.dangerButton} disabled={sending || (!banEmail && !banIp)}>
          {sending ? "Banning…" : "Confirm ban"}
        </button>
        <button type="button" className={styles.secondaryButton} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
