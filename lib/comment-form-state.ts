import type { ActionState } from "@/lib/action-state";

/**
 * What the comment form's action answers: the usual form state, plus — after
 * a successful post — whether the comment is out or awaiting moderation, so
 * the reader is told which and sees what they wrote.
 */
export interface CommentFormState extends ActionState {
  posted?: {
    id: string;
    /** Spam is never announced as such: to its author it is awaiting moderation like any held comment. */
    outcome: "published" | "awaiting-moderation";
    authorName: string;
    body: string;
    /** The comment it answers, when it is a reply. */
    parentId: string | null;
  };
}

export const initialCommentFormState: CommentFormState = { status: "idle" };

/** What the reader is told after posting: whether it is out, and if not, who decides and when. */
export function commentOutcomeMessage(outcome: "published" | "awaiting-moderation", isReply: boolean): string {
  const what = isReply ? "reply" : "comment";
  return outcome === "published"
    ? `Thank you. Your ${what} has been published.`
    : `Thank you. Your ${what} is awaiting moderation. A moderator reviews every comment before it appears on the page.`;
}
