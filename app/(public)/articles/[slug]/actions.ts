"use server";

import { headers } from "next/headers";
import { z } from "@/lib/zod";
import { typedValues, type ActionState } from "@/lib/action-state";
import { failure, formDataToObject, type CommandResult } from "@/lib/actions/staff-action";
import { commentOutcomeMessage, type CommentFormState } from "@/lib/comment-form-state";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { clientAddressFrom } from "@/lib/request-context";
import {
  contentIdempotencyKey,
  readerCommentStatuses,
  reportComment,
  submitComment,
  type ReaderCommentStatus,
  type Requester,
} from "@/lib/services/comments";
import { commentFormSchema, ownCommentsQuerySchema, reportFormSchema } from "@/lib/validation/comment";

/*
 * Readers' actions on an article page. They are public (no session), so the
 * checks are the service's: the story must be published, the moderation rules
 * and rate limits apply. Both work as plain form posts without JavaScript.
 */

async function requester(): Promise<Requester> {
  const requestHeaders = await headers();
  return { address: clientAddressFrom(requestHeaders), userAgent: requestHeaders.get("user-agent") };
}

/** What an AppError means to someone filling in the form. */
function readerFailure(error: unknown, formData: FormData, values: Record<string, string>): ActionState {
  if (error instanceof AppError) {
    const message =
      error.code === "rate_limited"
        ? `You are posting too quickly. Please wait ${error.retryAfter ?? 60} seconds and try again.`
        : error.code === "not_found"
          ? "This story is not open for comments any more."
          : error.code === "idempotency_key_reused"
            ? // The form's key was spent on a comment whose answer never arrived; that comment is stored.
              "Your earlier comment was already received. Post again to add this one as a new comment."
            : error.message;
    return { status: "error", code: error.code, message, errors: error.fields, values };
  }
  return { ...failure(error, formData), values };
}

export async function postCommentAction(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const values = typedValues(formData, ["website", "idempotencyKey"]);
  const parsed = commentFormSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) {
    return {
      status: "error",
      code: "invalid_input",
      message: "Your comment was not posted. Check the highlighted fields.",
      errors: z.flattenError(parsed.error).fieldErrors,
      values,
    };
  }
  const { article, website, idempotencyKey, ...comment } = parsed.data;
  try {
    const result = await submitComment(
      {
        ...comment,
        articleSlug: article,
        honeypot: website,
        // Without JavaScript the form has no key of its own: the content makes one, so a reload re-posting it stores nothing twice.
        idempotencyKey: idempotencyKey ?? contentIdempotencyKey({ ...comment, articleSlug: article }),
      },
      await requester(),
    );
    const outcome = result.status === "APPROVED" ? "published" : "awaiting-moderation";
    return {
      status: "success",
      message: commentOutcomeMessage(outcome, Boolean(comment.parentId)),
      // Name and email stay filled in for the next comment; the text does not.
      values: { authorName: comment.authorName, authorEmail: comment.authorEmail },
      posted: { id: result.id, outcome, authorName: comment.authorName, body: comment.body, parentId: comment.parentId ?? null },
    };
  } catch (error) {
    return readerFailure(error, formData, values);
  }
}

export async function reportCommentAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = reportFormSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { status: "error", code: "invalid_input", message: "This comment cannot be reported." };
  try {
    await reportComment(parsed.data.commentId, undefined, await requester());
    return { status: "success", message: "Reported. Thank you — a moderator will look at it." };
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") return { status: "success", message: "You have already reported this comment." };
    return readerFailure(error, formData, {});
  }
}

/**
 * Which of the comments this browser posted still await moderation, so the
 * page can keep showing them to their author (and to nobody else: the page
 * itself is the same cached copy for everyone). Called from client code.
 */
export async function ownCommentStatusesAction(input: { ids: string[] }): Promise<CommandResult<Record<string, ReaderCommentStatus>>> {
  const parsed = ownCommentsQuerySchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: "invalid_input", message: "Those are not comment ids." } };
  try {
    return { ok: true, data: await readerCommentStatuses(parsed.data.ids) };
  } catch (error) {
    return { ok: false, error: { code: isDatabaseUnavailable(error) ? "unavailable" : "internal", message: failure(error).message ?? "" } };
  }
}
