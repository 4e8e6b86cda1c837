import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import type { StaffUser } from "@/lib/services/users";

export interface DeskSummary {
  myDrafts: number;
  inReview: number;
  scheduled: number;
  /** Null when this person does not moderate. */
  pendingComments: number | null;
}

/** The numbers on the dashboard home: what needs this person now. */
export async function deskSummary(user: StaffUser): Promise<DeskSummary> {
  const live = { deletedAt: null } as const;
  const [myDrafts, inReview, scheduled, pendingComments] = await Promise.all([
    db.article.count({ where: { ...live, status: "DRAFT", bylines: { some: { userId: user.id } } } }),
    db.article.count({ where: { ...live, status: "IN_REVIEW" } }),
    db.article.count({ where: { ...live, status: "SCHEDULED" } }),
    can(user.role, "comment:moderate") ? db.comment.count({ where: { status: "PENDING" } }) : Promise.resolve(null),
  ]);
  return { myDrafts, inReview, scheduled, pendingComments };
}
