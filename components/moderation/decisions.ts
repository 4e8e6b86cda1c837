import type { Decision } from "@/lib/audit-actions";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import type { Queue } from "@/lib/validation/moderation";

/** The keys that take each decision on the current comment (with Shift: on the selection). */
export const decisionKeys: Record<Decision, string> = { approve: "a", spam: "s", trash: "t", pending: "u" };

/** What a moderator can do with a comment in this state; approving an approved comment only makes sense while it is reported. */
export function decisionsFor(status: CommentStatus, reported: boolean): Decision[] {
  const list: Decision[] = [];
  if (status !== "APPROVED" || reported) list.push("approve");
  if (status !== "PENDING") list.push("pending");
  if (status !== "SPAM") list.push("spam");
  if (status !== "TRASH") list.push("trash");
  return list;
}

const queueStatus: Partial<Record<Queue, CommentStatus>> = { pending: "PENDING", approved: "APPROVED", spam: "SPAM", trash: "TRASH" };

/** Bulk decisions offered on a queue: everything but staying where they are (Reported: approving clears the reports). */
export function decisionsForQueue(queue: Queue): Decision[] {
  const status = queueStatus[queue];
  return status ? decisionsFor(status, false) : ["approve", "pending", "spam", "trash"];
}

/** Moving back to Pending reads differently depending on where the comment is now, as in WordPress. */
export function decisionLabel(decision: Decision, from: CommentStatus | null): string {
  switch (decision) {
    case "approve":
      return "Approve";
    case "spam":
      return "Spam";
    case "trash":
      return "Trash";
    case "pending":
      return from === "APPROVED" ? "Unapprove" : from === "SPAM" ? "Not spam" : from === "TRASH" ? "Restore" : "Move to pending";
  }
}

export const pastTense: Record<Decision, string> = {
  approve: "Approved",
  spam: "Marked as spam",
  trash: "Moved to trash",
  pending: "Moved to pending",
};
