import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * Direct access to this run's database (scripts/test-e2e.ts passes its
 * DATABASE_URL), for specs that need readers' comments and reports to exist
 * before a moderator works on them. Every row carries the spec's own tag, so
 * specs never see each other's data.
 */

let pool: pg.Pool | undefined;

function database(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run e2e tests through `npm run test:e2e`");
  pool ??= new pg.Pool({ connectionString: url, max: 2 });
  return pool;
}

export async function closeDatabase(): Promise<void> {
  await pool?.end();
  pool = undefined;
}

export const uniqueTag = () => `e2e${randomBytes(4).toString("hex")}`;

/** A published story of the spec's own, so counts on its public page are the spec's alone. */
export async function createPublishedStory(tag: string): Promise<{ id: string; slug: string; title: string }> {
  const title = `Water board publishes its ${tag} audit`;
  const slug = `water-board-${tag}`;
  const { rows } = await database().query<{ id: string }>(
    `INSERT INTO "Article" (id, title, dek, slug, status, body, "bodyHtml", "bodyText", "publishedAt", "updatedAt", "createdAt")
     VALUES (gen_random_uuid(), $1, 'The annual audit is out.', $2, 'PUBLISHED', '{"type":"doc","content":[]}',
             '<p>The water board published its audit on Tuesday.</p>', 'The water board published its audit on Tuesday.', now(), now(), now())
     RETURNING id::text AS id`,
    [title, slug],
  );
  return { id: rows[0]!.id, slug, title };
}

export interface ReaderComment {
  authorName: string;
  body: string;
  status?: "PENDING" | "APPROVED" | "SPAM" | "TRASH";
  /** Seconds ago; queues list the newest first. */
  ageSeconds?: number;
  heldReasons?: { rule: string; detail: string }[];
}

export async function addComment(articleId: string, comment: ReaderComment): Promise<string> {
  const email = `${comment.authorName.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@readers.example`;
  const { rows } = await database().query<{ id: string }>(
    `INSERT INTO "Comment" (id, "articleId", "authorName", "authorEmail", "ipHash", body, status, "heldReasons", "createdAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6::"CommentStatus", $7::jsonb, now() - make_interval(secs => $8::int), now())
     RETURNING id::text AS id`,
    [
      articleId,
      comment.authorName,
      email,
      `ip${randomBytes(8).toString("hex")}`,
      comment.body,
      comment.status ?? "PENDING",
      JSON.stringify(comment.heldReasons ?? []),
      comment.ageSeconds ?? 0,
    ],
  );
  return rows[0]!.id;
}

/** A reader's report, as the public Report button records it. */
export async function reportComment(commentId: string, reason: string): Promise<void> {
  await database().query(
    `WITH report AS (
       INSERT INTO "CommentReport" (id, "commentId", "reporterHash", reason) VALUES (gen_random_uuid(), $1, $2, $3)
     )
     UPDATE "Comment" SET "reportCount" = "reportCount" + 1, "flaggedAt" = now() WHERE id = $1`,
    [commentId, `reader${randomBytes(6).toString("hex")}`, reason],
  );
}

export async function commentStatus(commentId: string): Promise<string | undefined> {
  const { rows } = await database().query<{ status: string }>(`SELECT status::text AS status FROM "Comment" WHERE id = $1`, [commentId]);
  return rows[0]?.status;
}
