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
  };
}

export const initialCommentFormState: CommentFormState = { status: "idle" };

export const commentOutcomeMessages = {
  published: "Thank you. Your comment has been published.",
  "awaiting-moderation": "Thank you. Your comment is awaiting moderation.",
} as const;
