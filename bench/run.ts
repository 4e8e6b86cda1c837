import { execFileSync, spawn } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../scripts/db/migrate";
import { generate } from "./generate";
import { startApp, type AppServer } from "./lib/app-server";
import { createBenchDatabase } from "./lib/database";
import { startNginx } from "./lib/nginx";
import { renderReport, verdicts, type GrowthRow } from "./report";
import { allowCommentLoad, measureCommentPosts } from "./scenarios/comment-post";
import { benchmarkStory, compareWithStatic, firstLoadJs, measureArticlePage, type Comparison } from "./scenarios/public-pages";
import { measureStaffPages } from "./scenarios/staff-http";
import { disconnectServices, explainStaffReads, measureStaffReads, type ServiceTiming } from "./scenarios/staff-reads";

/**
 * `npm run bench`: builds the app, starts it with server/start.mjs (what `npm start`
 * runs) against a fresh benchmark database, fills that database in stages up
 * to 100,000 articles and 1,000,000 comments, runs every scenario, and writes
 * bench/RESULTS.md. Everything runs on 127.0.0.1, each load run bounded in
 * time. See bench/README.md.
 *
 *   npm run bench              full run (about 25 minutes on the shared 2-core machine)
 *   npm run bench -- --quick   small sizes and short runs, to check the harness (RESULTS.quick.md)
 *   BENCH_SKIP_BUILD=1 npm run bench -- --quick   the same on the last build
 */

const root = path.resolve(import.meta.dirname, "..");
const workDir = path.join(root, "bench", ".work");
const quick = process.argv.includes("--quick");
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3900);
const NGINX_PORT = Number(process.env.BENCH_NGINX_PORT ?? 3901);
const CONNECTIONS = 32;
const POST_CONNECTIONS = 64;
const settings = {
  connections: CONNECTIONS,
  runs: quick ? 1 : 3,
  seconds: quick ? 3 : 10,
  serviceRuns: quick ? 10 : 30,
  httpRuns: quick ? 10 : 30,
};
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
const ADMIN = { email: "admin@bench.example", password: "bench-admin-password" };

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

const p95Of = (timings: ServiceTiming[], name: string) => timings.find((timing) => timing.name.startsWith(name))?.p95Ms ?? Number.NaN;

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  ensureTools();
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  const database = await createBenchDatabase();
  let app: AppServer | undefined;
  let nginx: { stop: () => Promise<void> } | undefined;
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: "bench-secret-0123456789abcdef0123456789abcdef",
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_DEMO: "1",
      UPLOAD_DIR: path.join(workDir, "uploads"),
      NEXT_TELEMETRY_DISABLED: "1",
      REDIS_URL: "",
      // Each simulated reader of the comment scenario has its own address, in X-Forwarded-For.
      TRUST_PROXY: "1",
    };
    await applyMigrations(database.url);
    await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"], env);
    const generationSeconds: number[] = [];
    const timedGenerate = async (stage: { articles: number; comments: number }) => {
      const started = Date.now();
      await generate({ databaseUrl: database.url, ...stage, log });
      generationSeconds.push((Date.now() - started) / 1000);
    };
    await timedGenerate(stages[0]!);
    // BENCH_SKIP_BUILD=1 reuses the last build while working on the harness; the reference run always builds.
    if (!process.env.BENCH_SKIP_BUILD) {
      log("building the app");
      await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], env);
    }
    app = await startApp(env, APP_PORT);
    const appUrl = `http://127.0.0.1:${APP_PORT}`;

    const growth: GrowthRow[] = [];
    let serviceTimings: ServiceTiming[] = [];
    for (const [index, stage] of stages.entries()) {
      if (index > 0) await timedGenerate(stage);
      const story = await benchmarkStory(database.url);
      const article = await measureArticlePage({ url: `${appUrl}/articles/${story.slug}`, connections: CONNECTIONS, seconds: Math.min(settings.seconds, 5) });
      serviceTimings = await measureStaffReads(database.url, settings.serviceRuns);
      const row = {
        ...stage,
        article,
        searchP95Ms: p95Of(serviceTimings, "Search: a common word"),
        queueP95Ms: p95Of(serviceTimings, "Moderation: whole Pending page"),
        articleListP95Ms: p95Of(serviceTimings, "Article list, first page"),
      };
      growth.push(row);
      log(`${stage.articles} articles: article page ${row.article.requestsPerSecond.toFixed(0)} req/s (p99 ${row.article.p99Ms} ms); search p95 ${row.searchP95Ms.toFixed(1)} ms, queue p95 ${row.queueP95Ms.toFixed(1)} ms`);
    }

    log("query plans");
    const plans = await explainStaffReads(database.url, serviceTimings);
    await disconnectServices();
    log("staff pages and search over HTTP");
    const pageTimings = await measureStaffPages({ base: appUrl, ...ADMIN, runs: settings.httpRuns });

    const story = await benchmarkStory(database.url);
    const staticRoot = path.join(workDir, "static");
    await mkdir(staticRoot, { recursive: true });
    nginx = await startNginx(workDir, staticRoot, NGINX_PORT);
    const comparisons: Comparison[] = [];
    const pages = [
      { page: `/articles/${story.slug}`, gzip: false },
      { page: "/", gzip: false },
      { page: `/sections/${story.section}`, gzip: false },
      // The article page is the heaviest; browsers ask for gzip, and a static site would serve a .gz.
      { page: `/articles/${story.slug}`, gzip: true },
    ];
    for (const { page, gzip } of pages) {
      const comparison = await compareWithStatic({ page, gzip, appPort: APP_PORT, nginxPort: NGINX_PORT, staticRoot, ...settings });
      comparisons.push(comparison);
      log(`${page}${gzip ? " (gzip)" : ""}: app ${comparison.app.requestsPerSecond.toFixed(0)} req/s (p99 ${comparison.app.p99Ms} ms), nginx ${comparison.nginx.requestsPerSecond.toFixed(0)} req/s`);
    }

    log("comment POST");
    await allowCommentLoad(database.url);
    const commentPosts = await measureCommentPosts({
      appUrl,
      databaseUrl: database.url,
      workDir,
      connections: POST_CONNECTIONS,
      seconds: settings.seconds,
      runs: settings.runs,
      appCpuMs: app.cpuMs,
    });
    log(`comments: ${commentPosts.median.storedPerSecond.toFixed(0)} stored/s`);

    const report = {
      quick,
      startedAt,
      durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
      loadBefore,
      loadAfter: os.loadavg(),
      settings,
      story,
      finalStage: stages.at(-1)!,
      generationSeconds,
      comparisons,
      growth,
      serviceTimings,
      pageTimings,
      plans,
      commentPosts,
      peakRssMiB: await app.peakRssMiB(),
      js: await firstLoadJs(`${appUrl}/articles/${story.slug}`),
    };
    const file = path.join(root, "bench", quick ? "RESULTS.quick.md" : "RESULTS.md");
    await writeFile(file, renderReport(report));
    log(`wrote ${path.relative(root, file)} after ${Math.round(report.durationSeconds)} s`);
    const missed = verdicts(report).filter((row) => !row.ok);
    for (const row of missed) log(`target missed: ${row.what}: ${row.measured} (target ${row.target})`);
    // At --quick sizes PostgreSQL rightly scans tables of a few hundred rows; only the full run is held to it.
    if (report.plans.some((plan) => plan.seqScans.length)) {
      log("a query plan reads a big table with a Seq Scan (see Query plans in the results)");
      if (!quick) process.exitCode = 1;
    }
  } catch (error) {
    if (app) console.error(`bench: the app's last output:\n${app.output().slice(-4_000)}`);
    throw error;
  } finally {
    await nginx?.stop();
    await app?.stop();
    if (!process.env.BENCH_KEEP_DATABASE) await database.drop();
    await rm(path.join(workDir, "uploads"), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
