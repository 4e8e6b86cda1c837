import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { query } from "../lib/database";
import { median, runWrk, type LoadResult } from "../lib/wrk";

/**
 * Public pages under load (wrk, keep-alive connections, warm cache), each
 * measured side by side with the same page's HTML saved to a file and served
 * by nginx, alternating run by run so both see the same machine.
 */

export interface BenchStory {
  slug: string;
  comments: number;
  citations: number;
  section: string;
}

/** A popular bench story: the one whose approved comment count is nearest 50. */
export async function benchmarkStory(databaseUrl: string): Promise<BenchStory> {
  const [row] = await query<{ slug: string; comments: string; citations: string; section: string }>(
    databaseUrl,
    `SELECT a.slug, count(c.id) AS comments, s.slug AS section,
            (SELECT count(*) FROM "Citation" ci WHERE ci."articleId" = a.id) AS citations
       FROM "Article" a JOIN "Section" s ON s.id = a."sectionId"
       JOIN "Comment" c ON c."articleId" = a.id AND c.status = 'APPROVED'
      WHERE a.slug LIKE 'bench-%'
      GROUP BY a.id, s.slug
      ORDER BY abs(count(c.id) - 50), a.slug
      LIMIT 1`,
  );
  if (!row) throw new Error("no bench story with comments");
  return { slug: row.slug, comments: Number(row.comments), citations: Number(row.citations), section: row.section };
}

export interface Comparison {
  page: string;
  /** True when both were asked with Accept-Encoding: gzip, as browsers do. */
  gzip: boolean;
  app: LoadResult;
  nginx: LoadResult;
}

function combine(runs: LoadResult[]): LoadResult {
  return {
    requestsPerSecond: median(runs.map((result) => result.requestsPerSecond)),
    p50Ms: median(runs.map((result) => result.p50Ms)),
    p99Ms: median(runs.map((result) => result.p99Ms)),
    requests: runs.reduce((sum, result) => sum + result.requests, 0),
    failures: runs.reduce((sum, result) => sum + result.failures, 0),
  };
}

export async function compareWithStatic(options: {
  page: string;
  appPort: number;
  nginxPort: number;
  staticRoot: string;
  connections: number;
  seconds: number;
  runs: number;
  gzip?: boolean;
}): Promise<Comparison> {
  const { page } = options;
  const gzip = options.gzip ?? false;
  // The saved copy is what an anonymous reader gets (fetch would ask for gzip and unpack it).
  const response = await fetch(`http://127.0.0.1:${options.appPort}${page}`, { headers: { "accept-encoding": "identity" } });
  if (response.status !== 200) throw new Error(`${page} answered ${response.status}; nothing to compare`);
  const html = await response.text();
  const file = path.join(options.staticRoot, page === "/" ? "index.html" : `${page}/index.html`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, html);
  await writeFile(`${file}.gz`, gzipSync(html));
  const appRuns: LoadResult[] = [];
  const nginxRuns: LoadResult[] = [];
  const load = { connections: options.connections, seconds: options.seconds, headers: gzip ? { "Accept-Encoding": "gzip" } : undefined };
  for (let run = 0; run < options.runs; run += 1) {
    appRuns.push(await runWrk({ url: `http://127.0.0.1:${options.appPort}${page}`, ...load }));
    nginxRuns.push(await runWrk({ url: `http://127.0.0.1:${options.nginxPort}${page}`, ...load }));
  }
  return { page, gzip, app: combine(appRuns), nginx: combine(nginxRuns) };
}

/** Warm article page alone, for the cost-growth table. */
export async function measureArticlePage(options: { url: string; connections: number; seconds: number }): Promise<LoadResult> {
  await fetch(options.url);
  return runWrk(options);
}

/** Bytes of JavaScript a first visit to the page downloads (gzip, as browsers receive it). */
export async function firstLoadJs(url: string): Promise<{ files: number; gzipBytes: number }> {
  const html = await (await fetch(url)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!))];
  let gzipBytes = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, url))).arrayBuffer());
    gzipBytes += gzipSync(body).byteLength;
  }
  return { files: sources.length, gzipBytes };
}
