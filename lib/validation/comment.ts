import { z } from "@/lib/zod";
import { emailSchema } from "@/lib/validation/auth";
import { AUTHOR_NAME_MAX_LENGTH, COMMENT_MAX_LENGTH, OWN_COMMENTS_MAX, REPORT_REASON_MAX_LENGTH } from "@/lib/validation/comment-limits";

/**
 * Reader comments and reports, as the comment form and the JSON API send them.
 * One schema; the form's variant adds what only a browser form carries.
 */

/** NUL cannot be stored by PostgreSQL and no other control character belongs in prose; tabs and newlines may stay. */
const withoutControlCharacters = (value: string) => value.toWellFormed().replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");

const authorName = z
  .string({ error: "Enter your name." })
  .transform((value) => withoutControlCharacters(value).replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "Enter your name.")
      .max(AUTHOR_NAME_MAX_LENGTH, `Your name can be at most ${AUTHOR_NAME_MAX_LENGTH} characters.`),
  );

const body = z
  .string({ error: "Write your comment." })
  .transform((value) => withoutControlCharacters(value).replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "Write your comment.")
      .max(COMMENT_MAX_LENGTH, `A comment can be at most ${COMMENT_MAX_LENGTH.toLocaleString("en")} characters.`),
  );

const authorEmail = z.string({ error: "Enter your email address." }).pipe(emailSchema);

export const commentInputSchema = z.object({
  authorName,
  authorEmail,
  body,
  parentId: z.uuid("That is not a comment you can reply to.").nullish(),
});

export type CommentInput = z.output<typeof commentInputSchema>;

/** A client-chosen key so that a retried submission is stored once (header or hidden field). */
export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(8, "An idempotency key has 8 to 100 characters.")
  .max(100, "An idempotency key has 8 to 100 characters.")
  .regex(/^[A-Za-z0-9._:-]+$/, "An idempotency key may use letters, digits and . _ : - only.");

const emptyAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** What the article page's comment form posts. */
export const commentFormSchema = commentInputSchema.extend({
  article: z.string().min(1).max(300),
  parentId: z.preprocess(emptyAsUndefined, z.uuid("That is not a comment you can reply to.").optional()),
  idempotencyKey: z.preprocess(emptyAsUndefined, idempotencyKeySchema.optional()),
  /** The honeypot: hidden from people, filled in by bots. Anything is accepted; the rules decide. */
  website: z.preprocess(emptyAsUndefined, z.string().max(2000).optional()),
});

export const reportInputSchema = z.object({
  reason: z
    .string()
    .transform((value) => withoutControlCharacters(value).trim())
    .pipe(z.string().max(REPORT_REASON_MAX_LENGTH, `A reason can be at most ${REPORT_REASON_MAX_LENGTH} characters.`))
    .optional(),
});

export const reportFormSchema = z.object({
  commentId: z.uuid("That comment cannot be reported."),
});

/** The ids of comments a browser posted, to learn which still await moderation. */
export const ownCommentsQuerySchema = z.object({ ids: z.array(z.uuid()).min(1).max(OWN_COMMENTS_MAX) });
