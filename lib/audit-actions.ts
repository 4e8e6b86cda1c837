import type { CommentStatus } from "@/lib/generated/prisma/enums";

/**
 * The vocabulary of the audit log (ModerationAction.action), with the words
 * the dashboard prints for each. Services write only these names, so the log
 * can be filtered by them and nothing prints a raw identifier.
 */
export const auditActions = {
  "comment.approve": "Approved",
  "comment.spam": "Marked as spam",
  "comment.trash": "Moved to trash",
  "comment.pending": "Moved to pending",
  "comment.reply": "Replied as staff",
  "ban.create": "Banned",
  "ban.lift": "Lifted ban",
  "settings.update": "Changed settings",
  "user.create": "Created staff account",
  "user.role": "Changed role",
  "user.deactivate": "Deactivated",
  "user.reactivate": "Reactivated",
  "user.password": "Reset password",
} as const;

export type AuditAction = keyof typeof auditActions;

export const auditActionNames = Object.keys(auditActions) as AuditAction[];

export const auditTargetTypes = {
  comment: "Comment",
  ban: "Ban",
  setting: "Settings",
  user: "Staff member",
} as const;

export type AuditTargetType = keyof typeof auditTargetTypes;

export const auditTargetTypeNames = Object.keys(auditTargetTypes) as AuditTargetType[];

/** A moderator's decision on a comment, and the status it leads to. */
export const decisions = ["approve", "spam", "trash", "pending"] as const;
export type Decision = (typeof decisions)[number];

export const statusForDecision: Record<Decision, CommentStatus> = {
  approve: "APPROVED",
  spam: "SPAM",
  trash: "TRASH",
  pending: "PENDING",
};

export const decisionForStatus: Record<CommentStatus, Decision> = {
  APPROVED: "approve",
  SPAM: "spam",
  TRASH: "trash",
  PENDING: "pending",
};

export const statusLabels: Record<CommentStatus, string> = {
  PENDING: "Pending",
  APPROVED: "Approved",
  SPAM: "Spam",
  TRASH: "Trash",
};
