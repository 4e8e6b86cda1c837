import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { benchDatabaseUrl } from "./bench-database";

/**
 * Times the moderation queue page's reads against the benchmark database
 * (fill it first: bench/generate-comments.ts), through the app's own
 * services, and shows PostgreSQL's plan for each query they send.
 *
 *   node --conditions=react-server --import tsx bench/moderation-queue.ts [--runs 30]
 *
 * Prints a Markdown table (median and 95th percentile of warm runs) and the
 * EXPLAIN ANALYZE of every distinct statement, for bench/RESULTS.md.
 */

const url = benchDatabaseUrl();
process.env.DATABASE_URL = url;
const runsIndex = process.argv.indexOf("--runs");
const RUNS = runsIndex >= 0 ? Number(process.argv[runsIndex + 1]) : 30;

// lib/db reuses a client left on globalThis (for dev reloads); leaving one
// there that reports its SQL lets the bench see exactly what the services send.
interface Captured {
  query: string;
  params: string;
}
let capturing: Captured[] | null = null;
const client = new PrismaClient({
  adapter: new PrismaPg({ connectionString: url, max: 10 }),
  omit: { user: { passwordHash: true } },
  log: [{ emit: "event", level: "query" }],
});
client.$on("query", (event) => capturing?.push({ query: event.query, params: event.params }));
(globalThis as unknown as { newsroomPrisma: unknown }).newsroomPrisma = client;

async function main(): Promise<void> {
  const { listQueue, queueCounts } = await import("../lib/services/moderation");
  const { encodeKeysetCursor } = await import("../lib/keyset");

  const raw = new pg.Client({ connectionString: url });
  await raw.connect();

  async function cursorAt(where: string, column: "createdAt" | "flaggedAt", offset: number): Promise<string> {
    const { rows } = await raw.query(`SELECT "${column}" AS at, id::text AS id FROM "Comment" WHERE ${where} ORDER BY "${column}" DESC, id DESC OFFSET $1 LIMIT 1`, [offset]);
    if (!rows[0]) throw new Error(`no row at offset ${offset} for ${where}`);
    return encodeKeysetCursor(rows[0].at, rows[0].id);
  }

  const totals = await raw.query(`SELECT status::text, count(*)::int AS n FROM "Comment" GROUP BY 1 ORDER BY 1`);
  const all = totals.rows.reduce((sum, row) => sum + row.n, 0);
  const anArticle = (await raw.query(`SELECT "articleId"::text AS id FROM "Comment" WHERE status = 'PENDING' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0].id as string;
  const anAuthor = (await raw.query(`SELECT "authorEmail" AS email FROM "Comment" WHERE status = 'APPROVED' LIMIT 1`)).rows[0].email as string;

  const deepPending = await cursorAt(`status = 'PENDING'`, "createdAt", 25_000);
  const deepApproved = await cursorAt(`status = 'APPROVED'`, "createdAt", 500_000);

  interface Scenario {
    name: string;
    run: () => Promise<unknown>;
  }

  const scenarios: Scenario[] = [
    { name: "Pending, first page", run: () => listQueue("pending", {}) },
    { name: "Pending, 25,000 comments deep (keyset cursor)", run: () => listQueue("pending", {}, deepPending) },
    { name: "Approved, first page", run: () => listQueue("approved", {}) },
    { name: "Approved, 500,000 comments deep (keyset cursor)", run: () => listQueue("approved", {}, deepApproved) },
    { name: "Reported, first page", run: () => listQueue("reported", {}) },
    { name: "Spam, first page", run: () => listQueue("spam", {}) },
    { name: "Pending, one story", run: () => listQueue("pending", { article: anArticle }) },
    { name: "Approved, one author's email", run: () => listQueue("approved", { author: anAuthor }) },
    { name: "Pending, search a word common elsewhere but absent here (“reservoir”)", run: () => listQueue("pending", { q: "reservoir" }) },
    { name: "Approved, search a common word (“council”)", run: () => listQueue("approved", { q: "council" }) },
    { name: "Approved, search a rare word (“quarantine”)", run: () => listQueue("approved", { q: "quarantine" }) },
    { name: "Counts of the five queues", run: () => queueCounts({}) },
    { name: "Counts, one story", run: () => queueCounts({ article: anArticle }) },
    { name: "Counts, searching “quarantine”", run: () => queueCounts({ q: "quarantine" }) },
    { name: "Counts, searching “council”", run: () => queueCounts({ q: "council" }) },
    {
      name: "Whole page: Pending list + counts (as the page runs them)",
      run: () => Promise.all([listQueue("pending", {}), queueCounts({})]),
    },
    {
      name: "Whole page: Approved 500,000 deep + counts",
      run: () => Promise.all([listQueue("approved", {}, deepApproved), queueCounts({})]),
    },
  ];

  function percentile(sorted: number[], p: number): number {
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  }

  const results: { name: string; median: number; p95: number; statements: Captured[] }[] = [];
  for (const scenario of scenarios) {
    capturing = [];
    await scenario.run();
    // The statements that read the queue itself (not the per-row details: authors' history, reports, bans).
    const statements = capturing.filter(({ query }) => /^\s*SELECT/i.test(query) && /FROM "(public"\.")?Comment"/.test(query) && !/GROUP BY "Comment"\."authorEmail"/.test(query));
    capturing = null;
    for (let warm = 0; warm < 3; warm += 1) await scenario.run();
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      await scenario.run();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    results.push({ name: scenario.name, median: percentile(times, 50), p95: percentile(times, 95), statements });
  }

  const version = (await raw.query(`SHOW server_version`)).rows[0].server_version;
  console.log(`## Moderation queue at ${all.toLocaleString("en")} comments\n`);
  console.log(`PostgreSQL ${version}; ${totals.rows.map((row) => `${row.status} ${row.n.toLocaleString("en")}`).join(", ")}; ${RUNS} warm runs each.\n`);
  console.log(`| what | median ms | p95 ms |\n| --- | ---: | ---: |`);
  for (const result of results) console.log(`| ${result.name} | ${result.median.toFixed(1)} | ${result.p95.toFixed(1)} |`);

  console.log(`\n## Plans\n\nEXPLAIN ANALYZE of the statements that read the queue, as the services sent them (for searches this is PostgreSQL's own unforced choice; the service bounds it in time and falls back to the other plan, see searchWithBoundedPlans).\n`);
  for (const result of results) {
    console.log(`### ${result.name}\n`);
    for (const { query, params } of result.statements) {
      const plan = await raw.query(`EXPLAIN (ANALYZE, COSTS OFF) ${query}`, JSON.parse(params) as unknown[]);
      const lines = plan.rows.map((row) => row["QUERY PLAN"] as string).filter((line) => !/^\s*(Planning|Buffers)/.test(line));
      console.log("```\n" + lines.join("\n").replace(/'\{[^}]{120,}\}'/g, "'{…}'") + "\n```\n");
    }
  }

  await raw.end();
  await client.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
