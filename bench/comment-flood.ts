import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { floodComments, storedCountsBySlug, type FloodResult } from "../e2e/support/comment-flood";
import { createTestDatabase } from "../tests/support/test-database";
import { startApp, type AppServer } from "./lib/app-server";

/**
 * Load without loss, full size: 10,000 comments posted through the HTTP API
 * of the production server (server/start.mjs) by 64 concurrent clients, every tenth
 * retried with the same Idempotency-Key; then the database is compared with
 * the answers and the public counts with the database. Writes
 * bench/RESULTS-load.md. e2e/comment-flood.spec.ts runs 2,000 of them in CI.
 *
 *   npx tsx bench/comment-flood.ts [--total 10000] [--concurrency 64] [--port 4250] [--build]
 *
 * Uses the existing `.next` build unless --build is given (or there is none).
 * The server runs with TRUST_PROXY=1 and each client sends its own
 * X-Forwarded-For address, as 64 readers behind a load balancer would. The
 * rate limit is raised to 10,000 a minute per address and per email for the
 * run (the default, 5, would refuse almost everything by design); moderation
 * mode NONE with a hold word in every third comment fills both queues.
 */

const root = path.resolve(import.meta.dirname, "..");
const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const TOTAL = argument("total", 10_000);
const CONCURRENCY = argument("concurrency", 64);
const PORT = argument("port", 4250);
const log = (line: string) => console.log(`flood: ${line}`);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

async function prepare(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('moderation', $1, now())
       ON CONFLICT (key) DO UPDATE SET value = "Setting".value || EXCLUDED.value, "updatedAt" = now()`,
      [JSON.stringify({ rateLimitPerMinute: 10_000, mode: "NONE", holdWords: ["refund"], blockWords: [] })],
    );
    const { rows } = await client.query<{ slug: string }>(`SELECT slug FROM "Article" WHERE status = 'PUBLISHED' AND "deletedAt" IS NULL ORDER BY slug`);
    return rows.map((row) => row.slug);
  } finally {
    await client.end();
  }
}

async function countsAgree(baseUrl: string, databaseUrl: string, runTag: string, result: FloodResult): Promise<string[]> {
  const problems: string[] = [];
  const stored = await storedCountsBySlug(databaseUrl, runTag);
  let approved = 0;
  let pending = 0;
  for (const [slug, counts] of stored) {
    approved += counts.approved;
    pending += counts.pending;
    const article = (await (await fetch(`${baseUrl}/api/v1/articles/${slug}`)).json()) as { commentCount: number };
    // The demo stories come with approved comments of their own; the run's are on top.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Comment" c JOIN "Article" a ON a.id = c."articleId" WHERE a.slug = $1 AND c.status = 'APPROVED'`,
      [slug],
    );
    await client.end();
    if (article.commentCount !== rows[0]!.n) problems.push(`${slug}: API says ${article.commentCount} approved, the database ${rows[0]!.n}`);
  }
  if (approved !== (result.acceptedAs.APPROVED ?? 0)) problems.push(`approved: answered ${result.acceptedAs.APPROVED}, stored ${approved}`);
  if (pending !== (result.acceptedAs.PENDING ?? 0)) problems.push(`pending: answered ${result.acceptedAs.PENDING}, stored ${pending}`);
  return problems;
}

function report(result: FloodResult, problems: string[], loadAverage: number): string {
  const date = new Date().toISOString().slice(0, 10);
  return `# Load without loss: comment flood

\`npx tsx bench/comment-flood.ts\` on ${date}: ${os.cpus().length} vCPU (${os.cpus()[0]?.model.trim()}), PostgreSQL on the same
machine, the production server (\`server/start.mjs\`, TRUST_PROXY=1), the clients in one Node process on the same cores.
${CONCURRENCY} concurrent clients, each with its own X-Forwarded-For address; every 10th comment is sent a second time with the
same Idempotency-Key once answered. Rate limit raised to 10,000 a minute for the run; moderation mode NONE, hold word in every third comment.

| posted | retries | answered 201 | stored | stored twice | stored without a 201 | 201 but missing | retry answered differently | 503s and network errors (retried) |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
| ${result.posted.toLocaleString("en")} | ${result.retried.toLocaleString("en")} | ${result.accepted.toLocaleString("en")} | ${result.stored.toLocaleString("en")} | ${result.storedTwice} | ${result.storedUnanswered} | ${result.acceptedMissing} | ${result.replayMismatches} | ${result.unavailable} + ${result.networkErrors} |

- Answers: ${Object.entries(result.byStatus).map(([status, count]) => `${count.toLocaleString("en")} × ${status}`).join(", ")};
  accepted as ${Object.entries(result.acceptedAs).map(([status, count]) => `${count.toLocaleString("en")} ${status}`).join(", ")}.
- Duration **${(result.durationMs / 1000).toFixed(1)} s**, **${result.perSecond} requests/s** sustained (posts and retries);
  the machine's 1-minute load average at the start was ${loadAverage.toFixed(1)} on ${os.cpus().length} cores (other work slows the rate, never the accounting).
- Counts: ${problems.length === 0 ? "the public API's `commentCount` of every story equals its approved comments in the database, and the approved and pending comments stored equal what the server answered." : problems.join("; ")}
`;
}

async function main(): Promise<void> {
  const database = await createTestDatabase("flood");
  let app: AppServer | undefined;
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: "bench-secret-0123456789abcdef0123456789abcdef",
      ADMIN_EMAIL: "admin@bench.example",
      ADMIN_PASSWORD: "bench-admin-password",
      SEED_DEMO: "1",
      TRUST_PROXY: "1",
      UPLOAD_DIR: path.join(os.tmpdir(), `newsroom-flood-${database.name}`),
      NEXT_TELEMETRY_DISABLED: "1",
      REDIS_URL: "",
    };
    await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"], env);
    if (process.argv.includes("--build") || !existsSync(path.join(root, ".next", "BUILD_ID"))) {
      log("building the app");
      await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], env);
    }
    const slugs = await prepare(database.url);
    app = await startApp(env, PORT);
    const baseUrl = `http://127.0.0.1:${PORT}`;
    const runTag = `flood${Date.now().toString(36)}`;
    log(`posting ${TOTAL} comments with ${CONCURRENCY} clients to ${slugs.length} stories`);
    const loadAverage = os.loadavg()[0]!;
    const result = await floodComments({
      baseUrl,
      databaseUrl: database.url,
      slugs,
      total: TOTAL,
      concurrency: CONCURRENCY,
      runTag,
      retryEvery: 10,
      forwardedFor: (client) => `198.51.100.${client + 1}`,
    });
    const problems = await countsAgree(baseUrl, database.url, runTag, result);
    log(JSON.stringify(result));
    const lossless =
      result.stored === result.accepted && result.storedTwice === 0 && result.storedUnanswered === 0 && result.acceptedMissing === 0 && result.replayMismatches === 0;
    await writeFile(path.join(root, "bench", "RESULTS-load.md"), report(result, problems, loadAverage));
    log("wrote bench/RESULTS-load.md");
    if (!lossless || problems.length > 0) {
      console.error(`flood: FAILED ${problems.join("; ")}`);
      process.exitCode = 1;
    }
  } finally {
    await app?.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
