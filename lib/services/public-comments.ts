import "server-only";
import { buildThread, type PublicComment } from "@/lib/comment-thread";
import { db } from "@/lib/db";
import { closedReason } from "@/lib/moderation/rules";
import { getSetting } from "@/lib/services/settings";

/**
 * Approved comments as readers see them. Only the public columns are selected:
 * a commenter's email and IP hash never leave the dashboard.
 */
export async function approvedThread(articleId: string): Promise<PublicComment[]> {
  const rows = await db.comment.findMany({
    where: { articleId, status: "APPROVED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, parentId: true, authorName: true, body: true, isStaff: true, createdAt: true },
  });
  return buildThread(rows);
}

export function countApproved(articleId: string): Promise<number> {
  return db.comment.count({ where: { articleId, status: "APPROVED" } });
}

export interface CommentToAnswer {
  id: string;
  authorName: string;
  body: string;
  createdAt: Date;
}

/** A published comment of a published story, for the page that replies to it. */
export async function approvedComment(articleId: string, commentId: string): Promise<CommentToAnswer | null> {
  return db.comment.findFirst({
    where: { id: commentId, articleId, status: "APPROVED" },
    select: { id: true, authorName: true, body: true, createdAt: true },
  });
}

/** Whether the comment form should be offered: not closed by the editor, nor by the age limit. */
export async function commentsAreOpen(article: { commentsClosed: boolean; publishedAt: Date | null }): Promise<boolean> {
  const rules = await getSetting("moderation");
  return closedReason(rules, { article, now: new Date() }) === null;
}
