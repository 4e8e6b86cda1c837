import type { ArticleStatus, Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";

/**
 * Who may open and change which story: the object-level half of the
 * permission table. The role decides what kind of thing someone may do
 * (lib/permissions.ts); this decides whether this story is theirs to do it to.
 *
 * A WRITER edits stories they created or carry a byline on while those are
 * DRAFT or IN_REVIEW (a writer may still polish a story no editor has picked
 * up yet); once scheduled or published, only editors change it.
 */

interface Actor {
  id: string;
  role: Role;
}

const writerEditable: readonly ArticleStatus[] = ["DRAFT", "IN_REVIEW"];
/** States in which a story is not on the public site, so saving it as you type is harmless. */
export const autosaveStatuses: readonly ArticleStatus[] = ["DRAFT", "IN_REVIEW", "UNPUBLISHED"];

export interface AccessSubject {
  status: ArticleStatus;
  createdById: string | null;
  bylineIds: readonly string[];
  deletedAt: Date | null;
}

const isOwner = (actor: Pick<Actor, "id">, article: AccessSubject) =>
  article.createdById === actor.id || article.bylineIds.includes(actor.id);

/** May this person open the story in the dashboard (perhaps read-only)? */
export function canViewArticle(actor: Pick<Actor, "id" | "role">, article: AccessSubject): boolean {
  if (can(actor.role, "article:edit-any")) return true;
  return can(actor.role, "article:draft") && !article.deletedAt && isOwner(actor, article);
}

/** May this person change the story as it stands now? */
export function canEditArticle(actor: Pick<Actor, "id" | "role">, article: AccessSubject): boolean {
  if (article.deletedAt) return false;
  if (can(actor.role, "article:edit-any")) return true;
  return can(actor.role, "article:draft") && isOwner(actor, article) && writerEditable.includes(article.status);
}

