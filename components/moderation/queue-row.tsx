"use client";

import Link from "next/link";
import type { Ref } from "react";
import type { Decision } from "@/lib/audit-actions";
import { statusLabels } from "@/lib/audit-actions";
import { useNewsroomTimeZone } from "@/components/dashboard/newsroom-time-zone";
import { formatDateTime } from "@/lib/dates";
import type { QueueRow as Row } from "@/lib/services/moderation";
import type { Queue, QueueFilter } from "@/lib/validation/moderation";
import { BanPanel } from "./ban-panel";
import { decisionKeys, decisionLabel, decisionsFor } from "./decisions";
import { describeHeldReason } from "./held-reasons";
import { queueHref } from "./queue-url";
import { ReplyPanel } from "./reply-panel";
import styles from "./moderation.module.css";

interface Props {
  row: Row;
  queue: Queue;
  filter: QueueFilter;
  active: boolean;
  selected: boolean;
  busy: boolean;
  panel: "reply" | "ban" | null;
  canBan: boolean;
  staffName: string;
  ref: Ref<HTMLElement>;
  onActivate: () => void;
  onToggleSelect: () => void;
  onDecide: (decision: Decision) => void;
  onPanel: (panel: "reply" | "ban" | null) => void;
  onReplied: (message: string, parentApproved: boolean) => void;
  onBanned: (message: string) => void;
}

function excerpt(text: string, length = 180): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** One comment in a queue, with everything a moderator needs to judge it and the buttons to act. */
export function QueueRow({
  row,
  queue,
  filter,
  active,
  selected,
  busy,
  panel,
  canBan,
  staffName,
  ref,
  onActivate,
  onToggleSelect,
  onDecide,
  onPanel,
  onReplied,
  onBanned,
}: Props) {
  const headingId = `comment-${row.id}-author`;
  const timeZone = useNewsroomTimeZone();
  const reported = row.flaggedAt !== null;
  const decisions = decisionsFor(row.status, reported);
  const history = row.history;
  const decided = row.status === "APPROVED" || row.status === "TRASH";
  const heldReasons = row.heldReasons.map((reason) =>
    describeHeldReason(reason, {
      approvedComments: history.approved - (row.status === "APPROVED" ? 1 : 0),
      emailBanned: row.banned.email,
      ipBanned: row.banned.ip,
      decided,
    }),
  );
  const historyLink = (target: Queue) => queueHref(target, { author: row.authorEmail });

  return (
    <article
      ref={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      aria-current={active ? "true" : undefined}
      data-comment-id={row.id}
      className={`${styles.row} ${active ? styles.rowActive : ""} ${selected ? styles.rowSelected : ""}`}
      onFocusCapture={onActivate}
      onMouseDown={onActivate}
    >
      <div className={styles.rowSelect}>
        <input
          type="checkbox"
          id={`select-${row.id}`}
          checked={selected}
          onChange={onToggleSelect}
          aria-keyshortcuts="x"
          aria-label={`Select comment by ${row.authorName}`}
        />
      </div>

      <div className={styles.rowMain}>
        <header className={styles.rowHeader}>
          <h2 id={headingId} className={styles.author}>
            <bdi>{row.authorName}</bdi>
            {row.isStaff ? <span className={styles.staffBadge}>Staff</span> : null}
            {row.banned.email || row.banned.ip ? <span className={styles.bannedBadge}>Banned</span> : null}
            {queue === "reported" ? <span className={styles.statusBadge}>{statusLabels[row.status]}</span> : null}
          </h2>
          <p className={styles.meta}>
            <Link href={queueHref(queue, { ...filter, author: row.authorEmail })} title="Only this email’s comments">
              {row.authorEmail}
            </Link>
            {row.ipHash ? (
              <Link href={queueHref(queue, { ...filter, ip: row.ipHash })} title={`IP hash ${row.ipHash}: only comments from this address`} className={styles.ipHash}>
                IP {row.ipHash.slice(0, 8)}…
              </Link>
            ) : (
              <span className={styles.ipHash}>no IP recorded</span>
            )}
            <time dateTime={row.createdAt.toISOString()}>
              {formatDateTime(row.createdAt, timeZone)}
            </time>
          </p>
          <p className={styles.history} aria-label="Author’s history">
            <Link href={historyLink("approved")}>{history.approved} approved</Link>
            <Link href={historyLink("pending")}>{history.pending} pending</Link>
            <Link href={historyLink("spam")} className={history.spam > 0 ? styles.historyWarn : undefined}>
              {history.spam} spam
            </Link>
            {history.trash > 0 ? <Link href={historyLink("trash")}>{history.trash} trashed</Link> : null}
          </p>
        </header>

        <p className={styles.context}>
          On{" "}
          {row.article.status === "PUBLISHED" ? (
            <a href={`/articles/${row.article.slug}#comments-heading`} target="_blank" rel="noopener">
              {row.article.title}
            </a>
          ) : (
            <span>
              {row.article.title} <span className={styles.muted}>(not published)</span>
            </span>
          )}{" "}
          ·{" "}
          <Link href={queueHref(queue, { ...filter, article: row.article.id })} className={styles.quietLink}>
            only this story
          </Link>
        </p>

        {row.parent ? (
          <blockquote className={styles.parent}>
            <p className={styles.parentLabel}>
              In reply to <bdi>{row.parent.authorName}</bdi>
              {row.parent.status !== "APPROVED" ? <span className={styles.muted}> ({statusLabels[row.parent.status].toLowerCase()})</span> : null}
            </p>
            <p dir="auto">{excerpt(row.parent.body)}</p>
          </blockquote>
        ) : null}

        <p className={styles.body} dir="auto">
          {row.body}
        </p>

        {row.heldReasons.length || row.reportCount > 0 || row.moderatedBy ? (
          <ul className={styles.reasons}>
            {heldReasons.map((reason, index) => (
              <li key={`held-${index}`} className={reason.outdated || decided ? styles.reasonPast : styles.reasonHeld}>
                <strong>{reason.title}</strong>
                {reason.detail ? ` — ${reason.detail}` : null}
              </li>
            ))}
            {row.reportCount > 0 ? (
              <li className={reported ? styles.reasonReported : styles.reasonPast}>
                <strong>
                  {reported ? "Reported" : "Was reported"} {row.reportCount === 1 ? "once" : `${row.reportCount} times`}
                </strong>
                {row.reports.length ? ": " : null}
                {row.reports.map((report, index) => (
                  <span key={index}>
                    {index > 0 ? "; " : null}
                    {report.reason ? <q dir="auto">{report.reason}</q> : "no reason given"}
                    {report.count > 1 ? ` ×${report.count}` : null}
                  </span>
                ))}
              </li>
            ) : null}
            {row.moderatedBy && row.moderatedAt ? (
              <li className={styles.reasonPast}>
                Last decided by {row.moderatedBy} · <time dateTime={row.moderatedAt.toISOString()}>{formatDateTime(row.moderatedAt, timeZone)}</time>
              </li>
            ) : null}
          </ul>
        ) : null}

        <div className={styles.actions} role="group" aria-label={`Actions for the comment by ${row.authorName}`}>
          {decisions.map((decision) => (
            <button
              key={decision}
              type="button"
              className={`${styles.action} ${styles[`action_${decision}`]}`}
              disabled={busy}
              aria-keyshortcuts={decisionKeys[decision]}
              title={decision === "approve" && row.status === "APPROVED" ? "Keep it published and clear the reports" : undefined}
              onClick={() => onDecide(decision)}
            >
              {decisionLabel(decision, row.status)}
              <kbd aria-hidden="true">{decisionKeys[decision]}</kbd>
            </button>
          ))}
          <span className={styles.actionSpacer} />
          {row.status !== "SPAM" && row.status !== "TRASH" ? (
            <button
              type="button"
              className={styles.action}
              aria-expanded={panel === "reply"}
              aria-keyshortcuts="r"
              onClick={() => onPanel(panel === "reply" ? null : "reply")}
            >
              Reply
              <kbd aria-hidden="true">r</kbd>
            </button>
          ) : null}
          {canBan ? (
            <button
              type="button"
              className={styles.action}
              aria-expanded={panel === "ban"}
              aria-keyshortcuts="b"
              onClick={() => onPanel(panel === "ban" ? null : "ban")}
            >
              Ban
              <kbd aria-hidden="true">b</kbd>
            </button>
          ) : null}
        </div>

        {panel === "reply" ? (
          <ReplyPanel row={row} staffName={staffName} onCancel={() => onPanel(null)} onDone={onReplied} />
        ) : null}
        {panel === "ban" ? <BanPanel row={row} onCancel={() => onPanel(null)} onDone={onBanned} /> : null}
      </div>
    </article>
  );
}
