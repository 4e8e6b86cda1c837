import type { ArticleStatus, RevisionKind } from "@/lib/generated/prisma/enums";

/** How the desk names a story's state and a revision's kind. */
export const statusLabels: Record<ArticleStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  UNPUBLISHED: "Unpublished",
};

export const revisionKindLabels: Record<RevisionKind, string> = {
  CREATE: "Created",
  SAVE: "Saved",
  AUTOSAVE: "Autosaved",
  SUBMIT: "Submitted for review",
  PUBLISH: "Published",
  SCHEDULE: "Scheduled",
  UNPUBLISH: "Unpublished",
  RESTORE: "Restored an earlier version",
  DELETE: "Moved to the trash",
  UNDELETE: "Restored from the trash",
  SEND_BACK: "Sent back to the writer",
};

/** "Nadia Haddad saved", "Published on schedule": one line of a story's history. */
export function revisionLine(kind: RevisionKind, authorName: string | null): string {
  if (!authorName) return kind === "PUBLISH" ? "Published on schedule" : revisionKindLabels[kind];
  return `${authorName}: ${revisionKindLabels[kind].toLowerCase()}`;
}
