import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { ArticleStatus, CommentStatus } from "@/lib/generated/prisma/enums";

/**
 * Stories, comments and reader reports made for one test, straight through
 * Prisma (submission and reports belong to lib/services/comments.ts; these
 * tests are about what moderators do afterwards). Every name carries a random
 * tag, so tests can search for exactly their own rows.
 */

export const uniqueTag = (prefix = "t") => `${prefix}${randomBytes(5).toString("hex")}`;

export async function makeArticle(options: { status?: ArticleStatus; title?: string } = {}) {
  const tag = uniqueTag("story");
  return db.article.create({
    data: {
      title: options.title ?? `Story ${tag}`,
      slug: `story-${tag}`,
      status: options.status ?? "PUBLISHED",
      body: { type: "doc", content: [] },
      bodyHtml: "<p>Story.</p>",
      publishedAt: (options.status ?? "PUBLISHED") === "PUBLISHED" ? new Date() : null,
    },
    select: { id: true, slug: true, title: true },
  });
}

export interface CommentOptions {
  status?: CommentStatus;
  authorName?: string;
  authorEmail?: string;
  ipHash?: string | null;
  body?: string;
  parentId?: string;
  createdAt?: Date;
  flagged?: boolean;
  heldReasons?: { rule: string; detail: string }[];
}

export async function makeComment(articleId: string, options: CommentOptions = {}) {
  const tag = uniqueTag("c");
  return db.comment.create({
    data: {
      articleId,
      parentId: options.parentId ?? null,
      authorName: options.authorName ?? `Reader ${tag}`,
      authorEmail: options.authorEmail ?? `${tag}@readers.test`,
      ipHash: options.ipHash === undefined ? `ip${tag}` : options.ipHash,
      body: options.body ?? `Comment ${tag}`,
      status: options.status ?? "PENDING",
      createdAt: options.createdAt ?? new Date(),
      flaggedAt: options.flagged ? new Date() : null,
      reportCount: options.flagged ? 1 : 0,
      heldReasons: options.heldReasons ?? [],
    },
    select: { id: true, status: true, authorEmail: true, ipHash: true, body: true, authorName: true, articleId: true },
  });
}

/** A reader's report, as the public Report button records it. */
export async function reportComment(commentId: string, reason: string) {
  await db.$transaction([
    db.commentReport.create({ data: { commentId, reason, reporterHash: uniqueTag("reader") } }),
    db.comment.update({ where: { id: commentId }, data: { reportCount: { increment: 1 }, flaggedAt: new Date() } }),
  ]);
}

/**
 * Many comments in one statement (generate_series), for bulk tests: oldest
 * first, one millisecond apart, all PENDING unless told.
 */
export async function makeManyComments(articleId: string, count: number, bodyPrefix: string, status: CommentStatus = "PENDING"): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "Comment" (id, "articleId", "authorName", "authorEmail", "ipHash", body, status, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), ${articleId}::uuid, 'Bulk reader ' || n, 'bulk' || n || '@readers.test', 'bulkip' || n,
           ${bodyPrefix} || ' ' || n, ${status}::"CommentStatus", now() - (${count} - n) * interval '1 millisecond', now()
    FROM generate_series(1, ${count}) AS n
    RETURNING id::text AS id`;
  return rows.map((row) => row.id);
}
