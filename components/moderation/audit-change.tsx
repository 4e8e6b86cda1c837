import type { ReactNode } from "react";
import styles from "@/components/admin/admin.module.css";
import { statusLabels } from "@/lib/audit-actions";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { roleLabels } from "@/lib/roles";

/**
 * An audit entry's before → after, in words. The stored JSON is whatever the
 * service wrote for that action; anything unexpected is shown as it is
 * rather than hidden, since this is the record of what happened.
 */

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const asObject = (value: unknown): JsonObject => (value && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : {});

const settingLabels: Record<string, string> = {
  mode: "Moderation mode",
  linkHoldThreshold: "Hold at links",
  holdWords: "Hold words",
  blockWords: "Block words",
  rateLimitPerMinute: "Comments a minute",
  closeAfterDays: "Close after days",
  name: "Site name",
  tagline: "Tagline",
};

function show(value: Json | undefined): string {
  if (value === undefined || value === null) return "—";
  if (Array.isArray(value)) return value.length ? value.map((item) => show(item)).join(", ") : "(none)";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function Pair({ before, after, label }: { before: ReactNode; after: ReactNode; label?: string }) {
  return (
    <li>
      {label ? `${label}: ` : null}
      <span className={styles.before}>{before}</span>
      <span className={styles.arrow} aria-label="changed to">
        →
      </span>
      <span className={styles.after}>{after}</span>
    </li>
  );
}

const statusLabel = (value: Json | undefined) => (typeof value === "string" && value in statusLabels ? statusLabels[value as CommentStatus] : show(value));
const roleLabel = (value: Json | undefined) => (typeof value === "string" && value in roleLabels ? roleLabels[value as keyof typeof roleLabels] : show(value));

export function AuditChange({ action, before: rawBefore, after: rawAfter }: { action: string; before: unknown; after: unknown }) {
  const before = asObject(rawBefore);
  const after = asObject(rawAfter);
  const items: ReactNode[] = [];

  if (action === "comment.reply") {
    items.push(<li key="reply">“{show(after.body)}”</li>);
  } else if (action.startsWith("comment.")) {
    items.push(<Pair key="status" before={statusLabel(before.status)} after={statusLabel(after.status)} />);
    if (before.reported === true && after.reported === false) items.push(<li key="reports">Reports cleared</li>);
  } else if (action === "ban.create") {
    if (after.email) items.push(<li key="email">Email {show(after.email)}</li>);
    if (after.ipHash) items.push(<li key="ip" className={styles.mono}>IP hash {show(after.ipHash)}</li>);
    if (after.reason) items.push(<li key="reason">Reason: {show(after.reason)}</li>);
  } else if (action === "ban.lift") {
    items.push(<Pair key="state" before="Active" after="Lifted" />);
    if (before.email) items.push(<li key="email">Email {show(before.email)}</li>);
    if (before.ipHash) items.push(<li key="ip" className={styles.mono}>IP hash {show(before.ipHash)}</li>);
  } else if (action === "settings.update") {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
      items.push(<Pair key={key} label={settingLabels[key] ?? key} before={show(before[key])} after={show(after[key])} />);
    }
    if (items.length === 0) items.push(<li key="none">No visible change</li>);
  } else if (action === "user.role") {
    items.push(<Pair key="role" before={roleLabel(before.role)} after={roleLabel(after.role)} />);
  } else if (action === "user.deactivate" || action === "user.reactivate") {
    items.push(<Pair key="active" before={before.active ? "Active" : "Deactivated"} after={after.active ? "Active" : "Deactivated"} />);
  } else if (action === "user.create") {
    items.push(<li key="who">{`${show(after.name)} <${show(after.email)}>, ${roleLabel(after.role)}`}</li>);
  } else if (action === "user.password") {
    items.push(<li key="password">New password set; sessions ended</li>);
  } else {
    items.push(<Pair key="raw" before={show(rawBefore as Json)} after={show(rawAfter as Json)} />);
  }
  return <ul className={styles.change}>{items}</ul>;
}
