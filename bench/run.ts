import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { applyMigrations } from "../scripts/db/migrate";
import { startApp, type AppServer } from "./lib/app-server";
import { startNginx } from "./lib/nginx";
import { measure, type LoadResult } from "./lib/wrk";
import { generate } from "./generate";

/**
 * `npm run bench`: builds the app, starts it with server.mjs (what `npm start`
 * runs) against a fresh benchmark database, fills that database in stages up
 * to 100,000 articles and 1,000,000 comments, runs every scenario, and writes
 * bench/RESULTS.md. Everything runs on 127.0.0.1, each load run bounded in time.
 *
 *   npm run bench              full run (about 15 minutes on 2 cores)
 *   npm run bench -- --quick   small sizes and short runs, to check the harness
 */

const root = path.resolve(import.meta.dirname, "..");
const workDir = path.join(root, "bench", ".work");
const quick = process.argv.includes("--quick");
const APP_PORT = 3900;
const NGINX_PORT = 3901;
const CONNECTIONS = 32;
const RUNS = quick ? 1 : 3;
const SECONDS = quick ? 3 : 10;
const stages = quick
  ? [
      { articles: 200, comments: 2_000 },
      { articles: 1_000, comments: 10_000 },
    ]
  : [
      { articles: 1_000, comments: 10_000 },
      { articles: 10_000, comments: 100_000 },
      { articles: 100_000, comments: 1_000_000 },
    ];

const log = (line: string) => console.log(`bench: ${line}`);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

function ensureTools(): void {
  const missing = ["wrk", "nginx"].filter((tool) => {
    try {
      execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
      return false;
    } catch {
      return true;
    }
  });
  if (!missing.length) return;
  log(`installing ${missing.join(", ")} from Debian's packages`);
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing.map((tool) => (tool === "nginx" ? "nginx-light" : tool))], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = new URL(process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  const name = `newsroom_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: server.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A popular bench story: the one whose approved comment count is nearest 50. */
async function benchmarkStory(url: string): Promise<{ slug: string; comments: number; section: string }> {
  const [row] = await query<{ slug: string; comments: string; section: string }>(
    url,
    `SELECT a.slug, count(c.id) AS comments, s.slug AS section
       FROM "Article" a JOIN "Section" s ON s.id = a."sectionId"
       JOIN "Comment" c ON c."articleId" = a.id AND c.status = 'APPROVED'
      WHERE a.slug LIKE 'bench-%'
      GROUP BY a.id, s.slug
      ORDER BY abs(count(c.id) - 50), a.slug
      LIMIT 1`,
  );
  if (!row) throw new Error("no bench story with comments");
  return { slug: row.slug, comments: Number(row.comments), section: row.section };
}

interface Comparison {
  page: string;
  app: LoadResult;
  nginx: LoadResult;
}

/** The same page from the app and, saved as a file, from nginx: side by side, alternating runs. */
async function compareWithStatic(page: string, staticRoot: string): Promise<Comparison> {
  const response = await fetch(`http://127.0.0.1:${APP_PORT}${page}`);
  if (response.status !== 200) throw new Error(`${page} answered ${response.status}; nothing to compare`);
  const html = await response.text();
  const file = path.join(staticRoot, page === "/" ? "index.html" : `${page}/index.html`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, html);
  const appRuns: LoadResult[] = [];
  const nginxRuns: LoadResult[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    appRuns.push(await measure({ url: `http://127.0.0.1:${APP_PORT}${page}`, connections: CONNECTIONS, seconds: SECONDS }, 1));
    nginxRuns.push(await measure({ url: `http://127.0.0.1:${NGINX_PORT}${page}`, connections: CONNECTIONS, seconds: SECONDS }, 1));
  }
  const combine = (runs: LoadResult[]) => {
    const sorted = (pick: (result: LoadResult) => number) => runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
    return {
      requestsPerSecond: sorted((result) => result.requestsPerSecond),
      p50Ms: sorted((result) => result.p50Ms),
      p99Ms: sorted((result) => result.p99Ms),
      requests: runs.reduce((sum, result) => sum + result.requests, 0),
      failures: runs.reduce((sum, result) => sum + result.failures, 0),
    };
  };
  const comparison = { page, app: combine(appRuns), nginx: combine(nginxRuns) };
  log(`${page}: app ${comparison.app.requestsPerSecond.toFixed(0)} req/s (p99 ${comparison.app.p99Ms} ms), nginx ${comparison.nginx.requestsPerSecond.toFixed(0)} req/s`);
  return comparison;
}

/** Bytes of JavaScript a first visit to the page downloads (gzip, as browsers receive it). */
async function firstLoadJs(page: string): Promise<{ files: number; gzipBytes: number }> {
  const html = await (await fetch(`http://127.0.0.1:${APP_PORT}${page}`)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!))];
  let gzipBytes = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, `http://127.0.0.1:${APP_PORT}`))).arrayBuffer());
    gzipBytes += gzipSync(body).byteLength;
  }
  return { files: sources.length, gzipBytes };
}

interface GrowthRow {
  articles: number;
  comments: number;
  article: LoadResult;
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const version = (command: string) => {
    try {
      return execFileSync("sh", ["-c", command], { encoding: "utf8" }).trim().split("\n")[0];
    } catch {
      return "not found";
    }
  };
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}`,
    `- Node.js ${process.version}; ${version("psql --version")}; ${version("nginx -v 2>&1")}; ${version("wrk -v 2>&1 | head -1")}`,
    `- Next.js ${version("node -p \"require('next/package.json').version\"")}, Prisma ${version("node -p \"require('@prisma/client/package.json').version\"")}`,
  ].join("\n");
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const rps = (value: number) => value.toFixed(0);

function report(input: {
  story: { slug: string; comments: number };
  comparisons: Comparison[];
  growth: GrowthRow[];
  peakRssMiB: number;
  js: { files: number; gzipBytes: number };
}): string {
  const comparisonRows = input.comparisons.map(({ page, app, nginx }) => {
    const share = (app.requestsPerSecond / nginx.requestsPerSecond) * 100;
    return `| \`${page}\` | ${rps(app.requestsPerSecond)} | ${ms(app.p50Ms)} | ${ms(app.p99Ms)} | ${rps(nginx.requestsPerSecond)} | ${ms(nginx.p99Ms)} | ${share.toFixed(1)}% | ${app.failures} |`;
  });
  const growthRows = input.growth.map(
    (row) => `| ${row.articles.toLocaleString("en")} | ${row.comments.toLocaleString("en")} | ${rps(row.article.requestsPerSecond)} | ${ms(row.article.p50Ms)} | ${ms(row.article.p99Ms)} |`,
  );
  return `# Benchmark results

Written by \`npm run bench\`${quick ? " (--quick: small sizes, short runs — not the reference figures)" : ""}. Each figure is the
median of ${RUNS} run(s) of ${SECONDS} s at ${CONNECTIONS} connections with wrk on 127.0.0.1; the app is
\`server.mjs\` (what \`npm start\` runs) in production mode, the comparison is the same page's HTML saved to a
file and served by nginx in the same run, alternating run by run so both see the same machine.

## Machine and versions
${machine()}

## Pages against a static file (${stages.at(-1)!.articles.toLocaleString("en")} articles, ${stages.at(-1)!.comments.toLocaleString("en")} comments)
The article is \`/articles/${input.story.slug}\` with ${input.story.comments} approved comments.
Targets: at least 25% of nginx's throughput, p99 under 50 ms.

| page | app req/s | app p50 | app p99 | nginx req/s | nginx p99 | app / nginx | app failures |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${comparisonRows.join("\n")}

## Cost growth
The warm article page as the database grows (one run each).

| articles | comments | article req/s | p50 | p99 |
| ---: | ---: | ---: | ---: | ---: |
${growthRows.join("\n")}

## Memory and page weight
- Peak resident memory of the app process under all of the above: **${input.peakRssMiB} MiB** (VmHWM).
- First-load JavaScript of the article page: **${(input.js.gzipBytes / 1024).toFixed(1)} KiB** gzip in ${input.js.files} files.
`;
}

async function main(): Promise<void> {
  ensureTools();
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  const database = await createDatabase();
  let app: AppServer | undefined;
  let nginx: { stop: () => Promise<void> } | undefined;
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: "bench-secret-0123456789abcdef0123456789abcdef",
      ADMIN_EMAIL: "admin@bench.example",
      ADMIN_PASSWORD: "bench-admin-password",
      SEED_DEMO: "1",
      UPLOAD_DIR: path.join(workDir, "uploads"),
      NEXT_TELEMETRY_DISABLED: "1",
      REDIS_URL: "",
    };
    await applyMigrations(database.url);
    await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"], env);
    await generate({ databaseUrl: database.url, ...stages[0]!, log });
    log("building the app");
    await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], env);
    app = await startApp(env, APP_PORT);

    const growth: GrowthRow[] = [];
    for (const stage of stages) {
      await generate({ databaseUrl: database.url, ...stage, log });
      const story = await benchmarkStory(database.url);
      const url = `http://127.0.0.1:${APP_PORT}/articles/${story.slug}`;
      await fetch(url);
      const article = await measure({ url, connections: CONNECTIONS, seconds: Math.min(SECONDS, 5) }, 1);
      growth.push({ ...stage, article });
      log(`${stage.articles} articles: article page ${rps(article.requestsPerSecond)} req/s, p99 ${ms(article.p99Ms)}`);
    }

    const story = await benchmarkStory(database.url);
    const staticRoot = path.join(workDir, "static");
    await mkdir(staticRoot, { recursive: true });
    nginx = await startNginx(workDir, staticRoot, NGINX_PORT);
    const comparisons: Comparison[] = [];
    for (const page of [`/articles/${story.slug}`, "/", `/sections/${story.section}`]) {
      comparisons.push(await compareWithStatic(page, staticRoot));
    }

    const results = report({
      story,
      comparisons,
      growth,
      peakRssMiB: await app.peakRssMiB(),
      js: await firstLoadJs(`/articles/${story.slug}`),
    });
    const file = path.join(root, "bench", quick ? "RESULTS.quick.md" : "RESULTS.md");
    await writeFile(file, results);
    log(`wrote ${path.relative(root, file)}`);
  } finally {
    await nginx?.stop();
    await app?.stop();
    if (!process.env.BENCH_KEEP_DATABASE) await database.drop();
    if (existsSync(workDir) && !process.env.BENCH_KEEP_DATABASE) await rm(path.join(workDir, "uploads"), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
