import { writeFile } from "node:fs/promises";
import path from "node:path";
import { query } from "../lib/database";
import { median, runWrk } from "../lib/wrk";

/**
 * Readers posting comments through POST /api/v1/articles/{slug}/comments at
 * high concurrency (bench/scenarios/post-comments.lua), then the database is
 * counted: every comment the API acknowledged must be stored exactly once,
 * retries with the same Idempotency-Key included.
 *
 * The bench raises the moderation setting `rateLimitPerMinute` to its maximum
 * and gives every simulated reader an address of their own (X-Forwarded-For,
 * trusted with TRUST_PROXY=1), so the limiter — which stays on and is
 * consulted for every comment — does not refuse the load.
 */

export interface CommentPostRun {
  requestsPerSecond: number;
  /** Comments newly stored per second (retries answered from the first copy are not counted). */
  storedPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  posted: number;
  retries: number;
  created: number;
  replayed: number;
  other: number;
  stored: number;
  /** Acknowledged as created but not in the database. */
  lost: number;
  /** Bodies (each carries its key) stored more than once. */
  duplicated: number;
  /** CPU the app process spent per answered request, in ms: what bounds the rate on two cores. */
  appCpuMsPerRequest: number;
}

export interface CommentPostResult {
  connections: number;
  seconds: number;
  runs: CommentPostRun[];
  median: { requestsPerSecond: number; storedPerSecond: number; p50Ms: number; p99Ms: number };
}

/** Lets the limiter through the load: see the module comment. */
export async function allowCommentLoad(databaseUrl: string): Promise<void> {
  await query(
    databaseUrl,
    `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('moderation', $1::jsonb, now())
     ON CONFLICT (key) DO UPDATE SET value = "Setting".value || $1::jsonb, "updatedAt" = now()`,
    [JSON.stringify({ rateLimitPerMinute: 10_000 })],
  );
}

export async function measureCommentPosts(options: {
  appUrl: string;
  databaseUrl: string;
  workDir: string;
  connections: number;
  seconds: number;
  runs: number;
  appCpuMs: () => Promise<number>;
}): Promise<CommentPostResult> {
  const slugs = await query<{ slug: string }>(
    options.databaseUrl,
    `SELECT slug FROM "Article" WHERE status = 'PUBLISHED' AND "deletedAt" IS NULL ORDER BY "publishedAt" DESC LIMIT 200`,
  );
  const slugFile = path.join(options.workDir, "comment-slugs.txt");
  await writeFile(slugFile, slugs.map((row) => row.slug).join("\n"));
  const script = path.join(import.meta.dirname, "post-comments.lua");

  // Warm-up, not counted: the first POSTs load and compile the route handler and fill the pools.
  await runWrk({ url: options.appUrl, connections: 8, seconds: 3, script, scriptArgs: [`bench-post-warmup-${Date.now()}`, slugFile] });

  const runs: CommentPostRun[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    const tag = `bench-post-${Date.now()}-${run}`;
    const cpuBefore = await options.appCpuMs();
    const result = await runWrk({
      url: options.appUrl,
      connections: options.connections,
      seconds: options.seconds,
      script,
      scriptArgs: [tag, slugFile],
    });
    const cpuUsed = (await options.appCpuMs()) - cpuBefore;
    const counts = /posted=(\d+) retries=(\d+) created=(\d+) replayed=(\d+) other=(\d+)/.exec(result.output);
    if (!counts) throw new Error(`the comment script printed no counts:\n${result.output}`);
    const [posted, retries, created, replayed, other] = counts.slice(1).map(Number) as [number, number, number, number, number];
    const [stored] = await query<{ rows: string; distinct_bodies: string }>(
      options.databaseUrl,
      `SELECT count(*) AS rows, count(DISTINCT body) AS distinct_bodies FROM "Comment" WHERE "idempotencyKey" LIKE $1`,
      [`${tag}-%`],
    );
    const rows = Number(stored?.rows ?? 0);
    runs.push({
      requestsPerSecond: result.requestsPerSecond,
      storedPerSecond: created / options.seconds,
      p50Ms: result.p50Ms,
      p99Ms: result.p99Ms,
      posted,
      retries,
      created,
      replayed,
      other,
      stored: rows,
      lost: Math.max(0, created - rows),
      duplicated: rows - Number(stored?.distinct_bodies ?? 0),
      appCpuMsPerRequest: cpuUsed / Math.max(1, created + replayed + other),
    });
  }
  return {
    connections: options.connections,
    seconds: options.seconds,
    runs,
    median: {
      requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
      storedPerSecond: median(runs.map((run) => run.storedPerSecond)),
      p50Ms: median(runs.map((run) => run.p50Ms)),
      p99Ms: median(runs.map((run) => run.p99Ms)),
    },
  };
}
