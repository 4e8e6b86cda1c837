import type { ArticleStatus } from "@/lib/generated/prisma/enums";

/** What the editor says after a workflow button did its work. */
export type EditorAction = "save" | "submit" | "publish" | "schedule" | "unpublish";

export const editorActions: readonly EditorAction[] = ["save", "submit", "publish", "schedule", "unpublish"];

export function doneMessage(action: EditorAction, status: ArticleStatus, scheduledFor: string | null): string {
  switch (action) {
    case "save":
      if (status === "PUBLISHED") return "Update saved. Readers see it now.";
      if (status === "SCHEDULED") return "Update saved. The story goes live as scheduled.";
      return "Draft saved.";
    case "submit":
      return "Submitted for review. An editor will pick it up from the desk.";
    case "publish":
      return "Published. The story is on the site now.";
    case "schedule":
      return `Scheduled: it goes live on ${scheduledFor ?? "its time"}.`;
    case "unpublish":
      return status === "DRAFT" ? "Schedule cancelled. The story is a draft again." : "Unpublished. Readers can no longer see the story.";
  }
}
