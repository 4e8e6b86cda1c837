import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";

/**
 * The e2e suite's own data, written straight to the database the server under
 * test uses (scripts/test-e2e.ts passes its DATABASE_URL): each spec makes the
 * stories it comments on, so no spec depends on another's leftovers.
 * Approving a comment here is only for stories whose page nobody has opened
 * yet (nothing cached to revalidate); once a page may be cached, specs approve
 * through the moderation desk (support/moderation-desk.ts).
 */

let pool: pg.Pool | undefined;

function database(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the e2e suite through `npm run test:e2e`");
  // Idle connections must not keep a Playwright worker alive after its last spec.
  pool ??= new pg.Pool({ connectionString: url, max: 4, allowExitOnIdle: true });
  return pool;
}

async function withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await database().connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

export const uniqueTag = () => randomBytes(4).toString("hex");

export interface E2eStory {
  id: string;
  slug: string;
  title: string;
}

type StoryStatus = "DRAFT" | "SCHEDULED" | "PUBLISHED";

/** A story in the World section, as the editor would have saved it; nobody has rendered its pages yet. */
async function insertStory(title: string, status: StoryStatus, scheduledFor?: Date): Promise<E2eStory> {
  const tag = uniqueTag();
  const story = { id: randomUUID(), slug: `e2e-${tag}`, title: `${title} (${tag})` };
  const paragraph = `A story made for an end-to-end test, ${tag}.`;
  await withClient(async (client) => {
    await client.query(
      `INSERT INTO "Article" (id, title, dek, slug, status, body, "bodyHtml", "bodyText", "sectionId", "scheduledFor", "publishedAt", "updatedAt", "createdAt")
       VALUES ($1, $2, $3, $4, $5::"ArticleStatus", $6, $7, $8, (SELECT id FROM "Section" WHERE slug = 'world'),
               $9::timestamptz AT TIME ZONE 'UTC', CASE WHEN $10::boolean THEN now() AT TIME ZONE 'UTC' END,
               now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')`,
      [
        story.id,
        story.title,
        "A dek for an end-to-end test.",
        story.slug,
        status,
        JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: paragraph }] }] }),
        `<p>${paragraph}</p>`,
        paragraph,
        scheduledFor?.toISOString() ?? null,
        status === "PUBLISHED",
      ],
    );
  });
  return story;
}

/** A draft an editor can publish as it is (it has the byline publishing asks for: the e2e editor's). */
export async function createDraftStory(title: string): Promise<E2eStory> {
  const story = await insertStory(title, "DRAFT");
  await database().query(
    `INSERT INTO "ArticleByline" ("articleId", "userId", position) SELECT $1, id, 0 FROM "User" WHERE email = 'editor@newsroom.example'`,
    [story.id],
  );
  return story;
}

export function createPublishedStory(title: string): Promise<E2eStory> {
  return insertStory(title, "PUBLISHED");
}

/** `count` stories scheduled for the same moment, `secondsFromNow` ahead. */
export async function createScheduledStories(title: string, count: number, secondsFromNow: number): Promise<E2eStory[]> {
  const at = new Date(Date.now() + secondsFromNow * 1_000);
  const stories: E2eStory[] = [];
  for (let n = 1; n <= count; n += 1) stories.push(await insertStory(`${title} ${n}`, "SCHEDULED", at));
  return stories;
}

/** Per story, how many "published on schedule" revisions (no author) it has. */
export async function publishRevisions(ids: string[]): Promise<Record<string, number>> {
  const { rows } = await database().query<{ id: string; count: number }>(
    `SELECT a.id::text AS id, count(r.id)::int AS count
       FROM "Article" a LEFT JOIN "ArticleRevision" r ON r."articleId" = a.id AND r.kind = 'PUBLISH' AND r."authorId" IS NULL
      WHERE a.id = ANY($1::uuid[]) GROUP BY a.id`,
    [ids],
  );
  return Object.fromEntries(rows.map((row) => [row.id, row.count]));
}

/**
 * Resolves once a transaction that changes this story's row is open (the
 * visible row version carries its transaction id in xmax until it commits),
 * or once `gaveUp()` says so.
 */
export async function whenStoryIsBeingWritten(id: string, gaveUp: () => boolean): Promise<void> {
  await withClient(async (client) => {
    while (!gaveUp()) {
      const { rows } = await client.query<{ writing: boolean }>(`SELECT xmax::text <> '0' AS writing FROM "Article" WHERE id = $1`, [id]);
      if (rows[0]?.writing) return;
      // A breath between polls, so that polling does not starve the server under test of PostgreSQL.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  });
}

export async function storyStatuses(ids: string[]): Promise<Record<string, string>> {
  const { rows } = await database().query<{ id: string; status: string }>(`SELECT id::text AS id, status::text AS status FROM "Article" WHERE id = ANY($1::uuid[])`, [ids]);
  return Object.fromEntries(rows.map((row) => [row.id, row.status]));
}

/** When each story is due, as the stored instant (ISO, UTC): what a schedule picker in any browser zone must hit. */
export async function scheduledInstants(ids: string[]): Promise<Record<string, string | null>> {
  const { rows } = await database().query<{ id: string; due: string | null }>(
    `SELECT id::text AS id, to_char("scheduledFor", 'YYYY-MM-DD"T"HH24:MI:SS".000Z"') AS due FROM "Article" WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return Object.fromEntries(rows.map((row) => [row.id, row.due]));
}

export async function storyVersions(ids: string[]): Promise<Record<string, number>> {
  const { rows } = await database().query<{ id: string; version: number }>(`SELECT id::text AS id, version FROM "Article" WHERE id = ANY($1::uuid[])`, [ids]);
  return Object.fromEntries(rows.map((row) => [row.id, row.version]));
}

export async function commentsByEmail(email: string): Promise<{ id: string; status: string; parentId: string | null; ipHash: string | null }[]> {
  return withClient(async (client) => {
    const result = await client.query(`SELECT id, status, "parentId", "ipHash" FROM "Comment" WHERE "authorEmail" = $1 ORDER BY "createdAt"`, [email]);
    return result.rows;
  });
}

/** How many approved comments contain this text. */
export async function approvedCommentsSaying(text: string): Promise<number> {
  return withClient(async (client) => {
    const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "Comment" WHERE status = 'APPROVED' AND strpos(body, $1) > 0`, [text]);
    return rows[0]?.count ?? 0;
  });
}

/** Every commenter's email and address hash the database holds (comments and bans): none may be public. */
export async function commenterSecrets(): Promise<{ emails: Set<string>; ipHashes: Set<string> }> {
  return withClient(async (client) => {
    const { rows } = await client.query<{ email: string | null; ipHash: string | null }>(
      `SELECT lower("authorEmail") AS email, "ipHash" FROM "Comment" UNION SELECT lower(email), "ipHash" FROM "Ban"`,
    );
    return {
      emails: new Set(rows.flatMap((row) => (row.email ? [row.email] : []))),
      ipHashes: new Set(rows.flatMap((row) => (row.ipHash ? [row.ipHash] : []))),
    };
  });
}

export async function approveComment(id: string): Promise<void> {
  await withClient((client) => client.query(`UPDATE "Comment" SET status = 'APPROVED', "moderatedAt" = now() AT TIME ZONE 'UTC' WHERE id = $1`, [id]));
}

/**
 * Every request of the e2e suite comes from 127.0.0.1, so the per-address
 * comment limit (5 a minute by default) would trip within a spec that posts
 * several comments. The limit itself is tested in the integration suite; a
 * spec that posts raises it in beforeAll and puts the setting back in
 * afterAll, so other specs see the rules (and the counters) as they were.
 */
export function raiseCommentRateLimit(): { raise: () => Promise<void>; restore: () => Promise<void> } {
  const override = overrideModerationSettings({ rateLimitPerMinute: 1000 });
  return { raise: override.apply, restore: override.restore };
}

/** Changes some moderation rules for one spec (apply in beforeAll, restore in afterAll), the limit counters included. */
export function overrideModerationSettings(change: Record<string, unknown>): { apply: () => Promise<void>; restore: () => Promise<void> } {
  let previous: { value: unknown } | undefined;
  return {
    apply: () =>
      withClient(async (client) => {
        const existing = await client.query<{ value: Record<string, unknown> }>(`SELECT value FROM "Setting" WHERE key = 'moderation'`);
        previous = existing.rows[0];
        const value = { ...(existing.rows[0]?.value ?? {}), ...change };
        await client.query(
          `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('moderation', $1, now() AT TIME ZONE 'UTC')
           ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = EXCLUDED."updatedAt"`,
          [JSON.stringify(value)],
        );
      }),
    restore: () =>
      withClient(async (client) => {
        if (previous) await client.query(`UPDATE "Setting" SET value = $1 WHERE key = 'moderation'`, [JSON.stringify(previous.value)]);
        else await client.query(`DELETE FROM "Setting" WHERE key = 'moderation'`);
        // The counters this spec ran up from 127.0.0.1 would otherwise limit the next spec under the restored limit.
        await client.query(`DELETE FROM rate_limits WHERE key LIKE 'comment-%'`);
      }),
  };
}

export interface ReaderComment {
  authorName: string;
  body: string;
  status?: "PENDING" | "APPROVED" | "SPAM" | "TRASH";
  /** Seconds ago; queues list the newest first. */
  ageSeconds?: number;
  heldReasons?: { rule: string; detail: string }[];
}

/** A reader's comment as submission would have stored it, for specs that start at the moderation desk. */
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

/** Clears the sign-in failure counters, so a spec that ran them up does not lock 127.0.0.1 out of later specs. */
export async function forgetSignInFailures(): Promise<void> {
  await withClient((client) => client.query(`DELETE FROM rate_limits WHERE key LIKE 'sign-in-%'`));
}
