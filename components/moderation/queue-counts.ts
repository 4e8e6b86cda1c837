import type { CommentStatus } from "@/lib/generated/prisma/enums";
import type { QueueCounts } from "@/lib/services/moderation";
import type { Queue } from "@/lib/validation/moderation";

/*
 * The queue badges while decisions are on their way. The desk shows the last
 * counts the server read plus the change of every decision the server had
 * not yet taken when it read them, so a badge moves with the key press and
 * never goes back to a number the moderator has already left behind.
 */

/** How many comments a decision adds to (or takes from) each queue. */
export type CountChange = Partial<Record<Queue, number>>;

const queueOfStatus: Record<CommentStatus, Queue> = { PENDING: "pending", APPROVED: "approved", SPAM: "spam", TRASH: "trash" };

/**
 * A comment moves from its status's queue to the decision's, and leaves
 * Reported: every decision clears the reports (approving a reported comment
 * only does that).
 */
export function decisionChange(comment: { status: CommentStatus; reported: boolean }, target: CommentStatus): CountChange {
  const change: CountChange = {};
  if (comment.status !== target) {
    change[queueOfStatus[comment.status]] = -1;
    change[queueOfStatus[target]] = 1;
  }
  if (comment.reported) change.reported = -1;
  return change;
}

/** The sum of several changes (a bulk decision). */
export function combineChanges(changes: readonly CountChange[]): CountChange {
  const total: CountChange = {};
  for (const change of changes) {
    for (const [queue, delta] of Object.entries(change) as [Queue, number][]) total[queue] = (total[queue] ?? 0) + delta;
  }
  return total;
}

/** The same change for `times` comments (a bulk decision over a whole queue). */
export function scaleChange(change: CountChange, times: number): CountChange {
  return Object.fromEntries(Object.entries(change).map(([queue, delta]) => [queue, delta * times]));
}

/** Counts with changes applied. A capped count ("10,000+") stays as it is: it is a floor, not a number to add to. */
export function withChanges(counts: QueueCounts, changes: readonly CountChange[]): QueueCounts {
  const total = combineChanges(changes);
  const next = { ...counts };
  for (const [queue, delta] of Object.entries(total) as [Queue, number][]) {
    const count = counts[queue];
    if (!count.capped) next[queue] = { count: Math.max(0, count.count + delta), capped: false };
  }
  return next;
}
