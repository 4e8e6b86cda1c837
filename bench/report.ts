import { execFileSync } from "node:child_process";
import os from "node:os";
import type { LoadResult } from "./lib/wrk";
import type { CommentPostResult } from "./scenarios/comment-post";
import type { BenchStory, Comparison } from "./scenarios/public-pages";
import type { PageTiming } from "./scenarios/staff-http";
import type { Plan, ServiceTiming } from "./scenarios/staff-reads";

/** bench/RESULTS.md from the figures of one `npm run bench`. */

export interface GrowthRow {
  articles: number;
  comments: number;
  article: LoadResult;
  searchP95Ms: number;
  queueP95Ms: number;
  articleListP95Ms: number;
}

export interface BenchReport {
  quick: boolean;
  startedAt: Date;
  durationSeconds: number;
  loadBefore: number[];
  loadAfter: number[];
  settings: { connections: number; seconds: number; runs: number; serviceRuns: number; httpRuns: number };
  story: BenchStory;
  finalStage: { articles: number; comments: number };
  generationSeconds: number[];
  comparisons: Comparison[];
  growth: GrowthRow[];
  serviceTimings: ServiceTiming[];
  pageTimings: PageTiming[];
  plans: Plan[];
  commentPosts: CommentPostResult;
  peakRssMiB: number;
  js: { files: number; gzipBytes: number };
}

export const TARGETS = {
  pageShareOfNginx: 0.25,
  pageP99Ms: 50,
  commentsPerSecond: 500,
  staffP95Ms: 100,
  searchP95Ms: 50,
};

function version(command: string): string {
  try {
    return execFileSync("sh", ["-c", command], { encoding: "utf8" }).trim().split("\n")[0] ?? "not found";
  } catch {
    return "not found";
  }
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const whole = (value: number) => Math.round(value).toLocaleString("en");
const mark = (ok: boolean) => (ok ? "met" : "**missed**");
const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(" / ");

/** Whether each issue-6 target was met, for the summary and the exit code. */
export function verdicts(report: BenchReport): { what: string; target: string; measured: string; ok: boolean }[] {
  const rows: { what: string; target: string; measured: string; ok: boolean }[] = [];
  for (const { page, gzip, app, nginx } of report.comparisons) {
    const share = app.requestsPerSecond / nginx.requestsPerSecond;
    const label = `\`${page}\`${gzip ? " (gzip)" : ""}`;
    rows.push({
      what: `${label} throughput`,
      target: `≥ ${TARGETS.pageShareOfNginx * 100}% of nginx`,
      measured: `${(share * 100).toFixed(1)}% (${whole(app.requestsPerSecond)} vs ${whole(nginx.requestsPerSecond)} req/s)`,
      ok: share >= TARGETS.pageShareOfNginx,
    });
    rows.push({ what: `${label} p99`, target: `< ${TARGETS.pageP99Ms} ms`, measured: ms(app.p99Ms), ok: app.p99Ms < TARGETS.pageP99Ms });
  }
  const posts = report.commentPosts;
  const lost = posts.runs.reduce((sum, run) => sum + run.lost, 0);
  const duplicated = posts.runs.reduce((sum, run) => sum + run.duplicated, 0);
  rows.push({
    what: "Comment POST, stored per second",
    target: `≥ ${TARGETS.commentsPerSecond}/s`,
    measured: `${whole(posts.median.storedPerSecond)}/s`,
    ok: posts.median.storedPerSecond >= TARGETS.commentsPerSecond,
  });
  rows.push({ what: "Comment POST, lost / duplicated", target: "0 / 0", measured: `${lost} / ${duplicated}`, ok: lost === 0 && duplicated === 0 });
  for (const timing of report.serviceTimings) {
    const limit = timing.group === "search" ? TARGETS.searchP95Ms : TARGETS.staffP95Ms;
    rows.push({ what: `service: ${timing.name}`, target: `p95 < ${limit} ms`, measured: ms(timing.p95Ms), ok: timing.p95Ms < limit });
  }
  for (const timing of report.pageTimings) {
    const limit = timing.path.startsWith("/search") ? TARGETS.searchP95Ms : TARGETS.staffP95Ms;
    rows.push({ what: `HTTP: ${timing.name}`, target: `p95 < ${limit} ms`, measured: ms(timing.p95Ms), ok: timing.p95Ms < limit });
  }
  const seqScans = report.plans.filter((plan) => plan.seqScans.length);
  rows.push({
    what: "Query plans without a Seq Scan on a big table",
    target: `all ${report.plans.length}`,
    measured: seqScans.length ? `${seqScans.length} with a Seq Scan (${[...new Set(seqScans.flatMap((plan) => plan.seqScans))].join(", ")})` : `all ${report.plans.length}`,
    ok: seqScans.length === 0,
  });
  return rows;
}

function condenseSql(sql: string): string {
  const flat = sql.replace(/\s+/g, " ").replace(/"public"\./g, "").trim();
  return flat.length > 400 ? `${flat.slice(0, 400)} …` : flat;
}

function condensePlan(plan: string): string {
  return plan.replace(/'\{[^}]{120,}\}'/g, "'{…}'");
}

export function renderReport(report: BenchReport): string {
  const s = report.settings;
  const final = report.finalStage;
  const scale = `${final.articles.toLocaleString("en")} articles, ${final.comments.toLocaleString("en")} comments`;
  const verdictRows = verdicts(report).map((row) => `| ${row.what} | ${row.target} | ${row.measured} | ${mark(row.ok)} |`);
  const comparisonRows = report.comparisons.map(({ page, gzip, app, nginx }) => {
    const share = (app.requestsPerSecond / nginx.requestsPerSecond) * 100;
    return `| \`${page}\` | ${gzip ? "gzip" : "none"} | ${whole(app.requestsPerSecond)} | ${ms(app.p50Ms)} | ${ms(app.p99Ms)} | ${whole(nginx.requestsPerSecond)} | ${ms(nginx.p50Ms)} | ${ms(nginx.p99Ms)} | ${share.toFixed(1)}% | ${app.failures} |`;
  });
  const growthRows = report.growth.map(
    (row) =>
      `| ${row.articles.toLocaleString("en")} | ${row.comments.toLocaleString("en")} | ${whole(row.article.requestsPerSecond)} | ${ms(row.article.p50Ms)} | ${ms(row.article.p99Ms)} | ${ms(row.searchP95Ms)} | ${ms(row.queueP95Ms)} | ${ms(row.articleListP95Ms)} |`,
  );
  const posts = report.commentPosts;
  const postRows = posts.runs.map(
    (run, index) =>
      `| ${index + 1} | ${whole(run.requestsPerSecond)} | ${whole(run.storedPerSecond)} | ${ms(run.p50Ms)} | ${ms(run.p99Ms)} | ${run.posted} | ${run.retries} | ${run.created} | ${run.replayed} | ${run.other} | ${run.stored} | ${run.lost} | ${run.duplicated} | ${ms(run.appCpuMsPerRequest)} |`,
  );
  const serviceRows = report.serviceTimings.map((timing) => `| ${timing.name} | ${timing.statements.length} | ${ms(timing.p50Ms)} | ${ms(timing.p95Ms)} |`);
  const pageRows = report.pageTimings.map((timing) => `| ${timing.name} | \`${timing.path}\` | ${ms(timing.p50Ms)} | ${ms(timing.p95Ms)} |`);
  const planSections: string[] = [];
  for (const timing of report.serviceTimings) {
    const plans = report.plans.filter((plan) => plan.scenario === timing.name);
    planSections.push(`### ${timing.name}\n`);
    if (!plans.length) planSections.push("No statement read a table.\n");
    for (const plan of plans) {
      planSections.push(`\`${condenseSql(plan.query)}\`\n\n\`\`\`\n${condensePlan(plan.plan)}\n\`\`\`\n`);
    }
  }

  return `# Benchmark results

Written by \`npm run bench\`${report.quick ? " **--quick** (small sizes, short runs: a check of the harness, not the reference figures)" : ""} on
${report.startedAt.toISOString()}; the whole run took **${Math.round(report.durationSeconds / 60)} min ${Math.round(report.durationSeconds % 60)} s**.
What each scenario measures and how to read this file: [bench/README.md](README.md).

## Machine and versions
- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}
- Load average (1 / 5 / 15 min) at the start: ${load(report.loadBefore)}; at the end: ${load(report.loadAfter)}. The machine is
  shared with other engineers' builds and tests, so every figure is taken while something else may be running;
  the side-by-side comparisons (app and nginx alternating, run by run) are what hold on a noisy machine.
- Node.js ${process.version}; ${version("psql --version")}; ${version("nginx -v 2>&1")}; ${version("wrk -v 2>&1 | head -1")}
- Next.js ${version("node -p \"require('next/package.json').version\"")}, Prisma ${version("node -p \"require('@prisma/client/package.json').version\"")}
- The app: \`server/start.mjs\` (what \`npm start\` runs) in production mode after \`next build\`, one process, \`TRUST_PROXY=1\`,
  no Redis (Next's own in-memory and disk cache). Load: wrk on 127.0.0.1, ${s.connections} connections, ${s.seconds} s per run,
  figures are the median of ${s.runs} runs.
- Data (bench/generate.ts, COPY): generated in stages; each stage took ${report.generationSeconds.map((value) => `${value.toFixed(0)} s`).join(", ")}.

## Targets (issue 6) at ${scale}

| what | target | measured | |
| --- | --- | --- | --- |
${verdictRows.join("\n")}

## Public pages against a static file
The article is \`/articles/${report.story.slug}\` with ${report.story.comments} approved comments and ${report.story.citations} citations.
nginx serves the HTML the app answered, saved as \`index.html\` (and \`index.html.gz\` with \`gzip_static\` for the gzip row,
where both are asked with \`Accept-Encoding: gzip\` as browsers do). The app answers anonymous readers from its page copies
(\`server/page-cache.mjs\`).

| page | encoding | app req/s | app p50 | app p99 | nginx req/s | nginx p50 | nginx p99 | app / nginx | app failures |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${comparisonRows.join("\n")}

## Comment POST through the JSON API
${posts.connections} connections, ${posts.seconds} s per run, readers posting to the 200 newest stories. Every reader has an
address (X-Forwarded-For) and an email of their own, and the moderation setting \`rateLimitPerMinute\` is raised to its
maximum (10,000) for the bench, so the rate limiter — still consulted twice per comment — refuses nothing. Every tenth
request re-sends the previous Idempotency-Key and body (a retry). A 3 s warm-up at 8 connections comes first and is not
counted. Afterwards the rows are counted: *lost* = answered
201 as created but not stored, *duplicated* = the same body (which carries its key) stored twice.

| run | req/s | stored/s | p50 | p99 | new keys | retries | 201 created | 201 replayed | other | rows stored | lost | duplicated | app CPU per request |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${postRows.join("\n")}

Median: ${whole(posts.median.storedPerSecond)} comments stored per second, p99 ${ms(posts.median.p99Ms)}.

## Dashboard article list, moderation queue and search at ${scale}

### At the service level
The app's own \`lib/services\` functions called in the bench process, one call at a time, ${s.serviceRuns} timed calls after 3
warm-ups; *statements* is how many SQL statements one call sends.

| what | statements | p50 | p95 |
| --- | ---: | ---: | ---: |
${serviceRows.join("\n")}

### Through HTTP
The pages fetched from the running app one at a time, ${s.httpRuns} times after 3 warm-ups; dashboard pages with a signed-in
admin's session cookie (rendering, session check and the database included).

| page | path | p50 | p95 |
| --- | --- | ---: | ---: |
${pageRows.join("\n")}

## Cost growth
Each stage adds data to the same database; the warm article page (wrk, one run of ${Math.min(s.seconds, 5)} s), then the service-level
p95 of a search (“council”), the whole Pending moderation page (list + counts) and the article list's first page.

| articles | comments | article req/s | article p50 | article p99 | search p95 | queue p95 | article list p95 |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${growthRows.join("\n")}

## Memory and page weight
- Peak resident memory of the app process over the whole run (VmHWM): **${report.peakRssMiB} MiB**.
- First-load JavaScript of the article page: **${(report.js.gzipBytes / 1024).toFixed(1)} KiB** gzip in ${report.js.files} files.

## Query plans
Every statement the service-level scenarios sent (captured from the Prisma client), run again with
\`EXPLAIN (ANALYZE, BUFFERS)\` at ${scale}. The bench fails when a plan reads a big table
(Article, Comment, Citation, ArticleTag, ArticleByline, CommentReport, Revision, AuditLog) with a Seq Scan.

${planSections.join("\n")}`;
}
