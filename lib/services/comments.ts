import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { moderateComment } from "@/lib/moderation/rules";
import { consumeLimits } from "@/lib/rate-limit";
import { ipHash, readerFingerprint } from "@/lib/request-context";
import { revalidateStoryComments } from "@/lib/revalidate";
import { readSetting } from "@/lib/settings";
import { mayNameStoredRecord } from "@/lib/slug";
import { publishedWhere } from "@/lib/services/public-articles";
import type { CommentInput } from "@/lib/validation/comment";

/**
 * Readers' side of comments: posting one (the moderation rules decide at once
 * whether it is published, held or spam) and reporting one. Everything here is
 * anonymous; what identifies a reader is a salted hash of their address.
 */

export interface Requester {
  /** The client address server/client-address.mjs decided; hashed before anything is stored. */
  address: string;
  userAgent: string | null;
}

export interface CommentSubmission extends CommentInput {
  articleSlug: string;
  /** The form's trap field; any content marks a bot. */
  honeypot?: string | null;
  idempotencyKey?: string | null;
}

export interface SubmittedComment {
  id: string;
  status: CommentStatus;
  /** True when an earlier submission with the same idempotency key answered. */
  replayed: boolean;
}

const REPORTS_PER_MINUTE = 30;

const closedMessage = "Comments are closed on this story.";

/**
 * A key for a form posted without JavaScript, where the browser cannot make
 * one: the same words by the same name and email under the same parent are
 * the same comment, so a reload that re-posts the form stores nothing twice.
 * (Everything a retry must repeat is in it, so it never names another comment.)
 */
export function contentIdempotencyKey(input: Pick<CommentSubmission, "articleSlug" | "parentId" | "authorName" | "authorEmail" | "body">): string {
  const digest = createHash("sha256")
    .update([input.articleSlug, input.parentId ?? "", input.authorName, input.authorEmail.toLowerCase(), input.body].join("\u0000"))
    .digest("base64url");
  return `content:${digest.slice(0, 40)}`;
}

/** What makes two submissions the same comment: a retry must repeat all of it. */
interface CommentContent {
  articleId: string;
  parentId: string | null;
  authorName: string;
  authorEmail: string;
  body: string;
}

function contentOf(input: CommentSubmission, articleId: string): CommentContent {
  return { articleId, parentId: input.parentId ?? null, authorName: input.authorName, authorEmail: input.authorEmail.toLowerCase(), body: input.body };
}

const sameContent = (a: CommentContent, b: CommentContent) =>
  a.articleId === b.articleId && a.parentId === b.parentId && a.authorName === b.authorName && a.authorEmail === b.authorEmail && a.body === b.body;

/** A key sent again with another comment (or to another story) is a client bug, said so rather than answered with the first comment. */
function keyReused(): AppError {
  const message = "This Idempotency-Key was already used for a different comment. Send a new key with each new comment.";
  return new AppError("idempotency_key_reused", message, { "Idempotency-Key": [message] });
}

async function replay(key: string, content: CommentContent): Promise<SubmittedComment | null> {
  const existing = await db.comment.findUnique({
    where: { idempotencyKey: key },
    select: { id: true, status: true, articleId: true, parentId: true, authorName: true, authorEmail: true, body: true },
  });
  if (!existing) return null;
  if (!sameContent(existing, content)) throw keyReused();
  return { id: existing.id, status: existing.status, replayed: true };
}

/**
 * Deliveries of a key that arrive while its first delivery is still being
 * handled on this instance wait for that answer instead of racing it: racing,
 * each would count against the reader's rate limit, and all but the first
 * would be refused for a comment posted once. (Across instances the unique
 * index still stores the comment once.) On globalThis, as route handlers and
 * server actions may each bundle their own copy of this module.
 */
const inFlight: Map<string, { content: CommentContent; answer: Promise<SubmittedComment> }> = ((
  globalThis as unknown as { newsroomCommentsInFlight?: Map<string, { content: CommentContent; answer: Promise<SubmittedComment> }> }
).newsroomCommentsInFlight ??= new Map());

interface FactsRow {
  settings: unknown;
  returning: boolean;
  emailBanned: boolean;
  ipBanned: boolean;
  parentApproved: boolean;
}

/**
 * Everything the moderation rules need to know about this submission, in one
 * round trip (the comment POST is the hottest write path): the rules as set,
 * whether the email has an approved comment, active bans on the email or the
 * address, and whether the parent is a published comment of this story.
 */
async function submissionFacts(args: { articleId: string; email: string; addressHash: string; parentId: string | null }): Promise<FactsRow> {
  const [row] = await db.$queryRaw<FactsRow[]>`
    SELECT
      (SELECT value FROM "Setting" WHERE key = 'moderation') AS "settings",
      EXISTS (SELECT 1 FROM "Comment" WHERE "authorEmail" = ${args.email} AND status = 'APPROVED') AS "returning",
      EXISTS (SELECT 1 FROM "Ban" WHERE "liftedAt" IS NULL AND lower("email") = ${args.email}) AS "emailBanned",
      EXISTS (SELECT 1 FROM "Ban" WHERE "liftedAt" IS NULL AND "ipHash" = ${args.addressHash}) AS "ipBanned",
      EXISTS (
        SELECT 1 FROM "Comment"
        WHERE id = ${args.parentId}::uuid AND "articleId" = ${args.articleId}::uuid AND status = 'APPROVED'
      ) AS "parentApproved"`;
  if (!row) throw new Error("the submission facts query returned no row");
  return row;
}

type PublishedForComments = { id: string; slug: string; publishedAt: Date | null; commentsClosed: boolean };

export async function submitComment(input: CommentSubmission, requester: Requester): Promise<SubmittedComment> {
  const article = mayNameStoredRecord(input.articleSlug)
    ? await db.article.findFirst({
        where: { slug: input.articleSlug, ...publishedWhere },
        select: { id: true, slug: true, publishedAt: true, commentsClosed: true },
      })
    : null;
  if (!article) throw new AppError("not_found", "There is no published story at this address.");

  const key = input.idempotencyKey ?? null;
  if (!key) return storeComment(input, article, null, requester);
  const content = contentOf(input, article.id);
  const running = inFlight.get(key);
  if (running) {
    if (!sameContent(running.content, content)) throw keyReused();
    // The same request again, so the same answer: the comment, or the reason it was refused.
    return { ...(await running.answer), replayed: true };
  }
  const answer = (async () => (await replay(key, content)) ?? storeComment(input, article, key, requester))();
  inFlight.set(key, { content, answer });
  try {
    return await answer;
  } finally {
    inFlight.delete(key);
  }
}

async function storeComment(input: CommentSubmission, article: PublishedForComments, key: string | null, requester: Requester): Promise<SubmittedComment> {
  const email = input.authorEmail.toLowerCase();
  const addressHash = ipHash(requester.address);
  const facts = await submissionFacts({ articleId: article.id, email, addressHash, parentId: input.parentId ?? null });
  if (input.parentId && !facts.parentApproved) {
    throw new AppError("invalid_input", "That comment cannot be replied to.", {
      parentId: ["You can only reply to a published comment on this story."],
    });
  }
  const settings = readSetting("moderation", facts.settings);

  const outcome = moderateComment(
    { authorName: input.authorName, body: input.body },
    settings,
    {
      authorHasApprovedComment: facts.returning,
      emailBanned: facts.emailBanned,
      ipBanned: facts.ipBanned,
      honeypotFilled: Boolean(input.honeypot?.trim()),
      article: { commentsClosed: article.commentsClosed, publishedAt: article.publishedAt },
      now: new Date(),
    },
  );
  if (outcome.kind === "refused") throw new AppError("comments_closed", closedMessage);

  await consumeLimits(
    [
      { bucket: "comment-ip", subject: addressHash, points: settings.rateLimitPerMinute, durationSeconds: 60 },
      { bucket: "comment-email", subject: email, points: settings.rateLimitPerMinute, durationSeconds: 60 },
    ],
    "You are posting comments too quickly. Please wait a moment and try again.",
  );

  let created: { id: string; status: CommentStatus };
  try {
    created = await db.comment.create({
      data: {
        articleId: article.id,
        parentId: input.parentId ?? null,
        authorName: input.authorName,
        authorEmail: email,
        ipHash: addressHash,
        body: input.body,
        status: outcome.status,
        heldReasons: outcome.reasons.map(({ rule, detail }) => ({ rule, detail })) satisfies Prisma.InputJsonArray,
        idempotencyKey: key,
      },
      select: { id: true, status: true },
    });
  } catch (error) {
    // Two deliveries of the same key raced past the first lookup (on two instances); the loser answers with the winner's comment.
    const earlier = key && isUniqueViolation(error) ? await replay(key, contentOf(input, article.id)) : null;
    if (earlier) return earlier;
    throw error;
  }

  if (created.status === "APPROVED") await revalidateStoryComments(article.slug);
  return { ...created, replayed: false };
}

/**
 * What the author of a comment may learn about it: still awaiting moderation,
 * published, or removed. Spam is never announced as such: to its author it
 * waits like any held comment. Comment ids reach only their author's browser
 * and the moderators, so the id is what proves the asker wrote it; nothing
 * but this word is answered.
 */
export type ReaderCommentStatus = "awaiting" | "published" | "removed";

const readerStatus: Record<CommentStatus, ReaderCommentStatus> = {
  PENDING: "awaiting",
  SPAM: "awaiting",
  APPROVED: "published",
  TRASH: "removed",
};

export async function readerCommentStatuses(ids: readonly string[]): Promise<Record<string, ReaderCommentStatus>> {
  const rows = await db.comment.findMany({ where: { id: { in: [...ids] }, isStaff: false }, select: { id: true, status: true } });
  const found = new Map(rows.map((row) => [row.id, readerStatus[row.status]]));
  return Object.fromEntries(ids.map((id) => [id, found.get(id) ?? "removed"]));
}

/**
 * A reader flags a published comment for the moderators. Each reader (address
 * and browser, hashed) reports a comment once; the first open report puts it
 * in the Reported queue.
 */
export async function reportComment(commentId: string, reason: string | undefined, requester: Requester): Promise<void> {
  await consumeLimits(
    [{ bucket: "report-ip", subject: ipHash(requester.address), points: REPORTS_PER_MINUTE, durationSeconds: 60 }],
    "You are sending reports too quickly. Please wait a moment and try again.",
  );
  const comment = await db.comment.findFirst({
    where: { id: commentId, status: "APPROVED", article: publishedWhere },
    select: { id: true },
  });
  if (!comment) throw new AppError("not_found", "There is no published comment with this id.");

  try {
    await db.$transaction([
      db.commentReport.create({
        data: { commentId, reporterHash: readerFingerprint(requester.address, requester.userAgent), reason: reason ?? "" },
      }),
      db.comment.update({ where: { id: commentId }, data: { reportCount: { increment: 1 } } }),
      db.comment.updateMany({ where: { id: commentId, flaggedAt: null }, data: { flaggedAt: new Date() } }),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "You have already reported this comment.");
    throw error;
  }
}
