import "server-only";
import { buildThread, type PublicComment } from "@/lib/comment-thread";
import { db } from "@/lib/db";

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
