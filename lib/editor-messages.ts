import type { ArticleStatus } from "@/lib/generated/prisma/enums";

/** What the editor says after a workflow button did its work. */
export type EditorAction = "save" | "submit" | "sendBack" | "publish" | "schedule" | "unpublish";

export const editorActions: readonly EditorAction[] = ["save", "submit", "sendBack", "publish", "schedule", "unpublish"];

export function doneMessage(action: EditorAction, status: ArticleStatus, scheduledFor: string | null): string {
  switch (action) {
    case "save":
      if (status === "PUBLISHED") return "Update saved. Readers see it now.";
      if (status === "SCHEDULED") return "Update saved. The story goes live as scheduled.";
      if (status === "IN_REVIEW") return "Saved. The story is still in review.";
      if (status === "UNPUBLISHED") return "Saved. The story stays unpublished.";
      return "Draft saved.";
    case "submit":
      return "Submitted for review. An editor will pick it up from the desk.";
    case "sendBack":
      return "Sent back to the writer with your note. The story is a draft again until they submit it.";
    case "publish":
      return "Published. The story is on the site now.";
    case "schedule":
      return `Scheduled: it goes live on ${scheduledFor ?? "its time"}.`;
    case "unpublish":
      return status === "DRAFT" ? "Schedule cancelled. The story is a draft again." : "Unpublished. Readers can no longer see the story.";
  }
}
