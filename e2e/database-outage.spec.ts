import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../scripts/db/embedded";
import { applyMigrations } from "../scripts/db/migrate";
import { freePort } from "../tests/support/free-port";

/**
 * The database goes away while readers post comments and read pages, then
 * comes back. The app (the production build, as `npm start` runs it) runs
 * against a PostgreSQL of this test's own — embedded, so stopping it
 * disturbs nothing else — and must:
 * - answer quickly and clearly during the outage: every request that needs the
 *   database — the API and pages alike — answers 503 with Retry-After, as the
 *   README promises (no 500, no hang, no crash); a page still in the cache reads,
 * - recover by itself when the database is back, without a restart,
 * - have stored every comment it answered 201 for, exactly once, although
 *   clients retried through the outage with the same Idempotency-Key.
 */

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const CLIENTS = 8;

let dataDir: string;
let databasePort: number;
let database: EmbeddedDatabase;
let server: ChildProcess;
let serverOutput = "";
let baseUrl: string;
const slug = `outage-${randomUUID().slice(0, 8)}`;
/** A story nobody comments on: its cached page stays valid through the outage. */
const quietSlug = `${slug}-quiet`;

async function startDatabase(): Promise<EmbeddedDatabase> {
  return startEmbeddedDatabase({ dataDir, port: databasePort, password: "outage-test", database: "newsroom" });
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "newsroom-outage-"));
  chmodSync(dataDir, 0o755);
  databasePort = await freePort();
  database = await startDatabase();
  await applyMigrations(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  for (const story of [slug, quietSlug]) {
    await client.query(
      `INSERT INTO "Article" (id, title, dek, slug, status, body, "bodyHtml", "bodyText", "publishedAt", "updatedAt")
       VALUES (gen_random_uuid(), 'Outage drill', 'The database goes away.', $1, 'PUBLISHED', '{"type":"doc","content":[]}',
               '<p>Readers keep reading.</p>', 'Readers keep reading.', now(), now())`,
      [story],
    );
  }
  // Comments publish at once and the limit is far above the drill's pace: this test is about outages.
  await client.query(
    `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('moderation', '{"mode":"NONE","rateLimitPerMinute":10000}', now())`,
  );
  await client.end();

  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["server/start.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: database.url,
      REDIS_URL: "",
      // Each simulated reader comes from an address of its own, as behind a load balancer.
      TRUST_PROXY: "1",
    },
  });
  server.stdout?.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
  await expect.poll(async () => (await fetch(`${baseUrl}/articles/${slug}`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
  expect((await fetch(`${baseUrl}/articles/${quietSlug}`)).status).toBe(200);
});

test.afterAll(async () => {
  // Kept for whoever has to read why a run failed.
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/database-outage-server.log", serverOutput);
  server?.kill("SIGTERM");
  await database?.stop().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
});

interface Attempt {
  key: string;
  body: string;
  created: boolean;
  statuses: number[];
}

/** One reader posting comments one after another, retrying each with its key until it is accepted. */
async function reader(index: number, until: () => boolean, attempts: Attempt[]): Promise<void> {
  for (let n = 0; !until(); n += 1) {
    const attempt: Attempt = { key: `outage-${index}-${n}-${randomUUID()}`, body: `Comment ${n} from reader ${index}.`, created: false, statuses: [] };
    attempts.push(attempt);
    while (!attempt.created) {
      const started = Date.now();
      const response = await fetch(`${baseUrl}/api/v1/articles/${slug}/comments`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": attempt.key, "X-Forwarded-For": `198.51.100.${index + 1}` },
        body: JSON.stringify({ authorName: `Reader ${index}`, authorEmail: `reader${index}@outage.example`, body: attempt.body }),
        signal: AbortSignal.timeout(10_000),
      }).catch(() => null);
      const status = response?.status ?? 0;
      attempt.statuses.push(status);
      if (status === 201) attempt.created = true;
      else if (status === 503) {
        expect(response?.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
        expect(Date.now() - started, "a 503 must come quickly, not after a hang").toBeLessThan(5_000);
        await new Promise((resolve) => setTimeout(resolve, 200));
      } else throw new Error(`unexpected answer ${status}: ${await response?.text()}`);
    }
  }
}

test("comments keep their promise through a database outage, and the app recovers by itself", async () => {
  const attempts: Attempt[] = [];
  let phase: "before" | "down" | "after" | "done" = "before";
  const readers = Array.from({ length: CLIENTS }, (_, index) => reader(index, () => phase === "done", attempts));

  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const beforeOutage = attempts.filter((attempt) => attempt.created).length;
  expect(beforeOutage).toBeGreaterThan(0);

  await database.stop();
  phase = "down";
  // During the outage: the API and every page that needs the database (a story whose comments changed,
  // search) answer 503 with Retry-After, quickly; a cached page still reads.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const post = await fetch(`${baseUrl}/api/v1/articles/${slug}/comments`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": "198.51.100.200" },
    body: JSON.stringify({ authorName: "During", authorEmail: "during@outage.example", body: "Posted while the database is down." }),
  });
  expect(post.status).toBe(503);
  expect(post.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
  expect(await post.json()).toMatchObject({ error: { code: "unavailable" } });
  const cached = await fetch(`${baseUrl}/articles/${quietSlug}`);
  expect(cached.status).toBe(200);
  expect(await cached.text()).toContain("Readers keep reading.");
  for (const page of [`/articles/${slug}`, "/search?q=outage"]) {
    const started = Date.now();
    const response = await fetch(`${baseUrl}${page}`, { signal: AbortSignal.timeout(10_000) });
    expect(response.status, page).toBe(503);
    expect(response.headers.get("retry-after"), page).toMatch(/^[1-9]\d*$/);
    expect(Date.now() - started, page).toBeLessThan(5_000);
  }
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(server.exitCode, `the server must survive the outage:\n${serverOutput.slice(-2000)}`).toBeNull();

  database = await startDatabase();
  phase = "after";
  // Recovery without a restart: posts succeed again within a few seconds.
  await expect
    .poll(
      async () =>
        (
          await fetch(`${baseUrl}/api/v1/articles/${slug}/comments`, {
            method: "POST",
            headers: { "Content-Type": "application/json", "X-Forwarded-For": "198.51.100.201" },
            body: JSON.stringify({ authorName: "After", authorEmail: "after@outage.example", body: `Back again ${randomUUID()}.` }),
          })
        ).status,
      { timeout: 20_000 },
    )
    .toBe(201);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  phase = "done";
  expect((await fetch(`${baseUrl}/articles/${slug}`)).status).toBe(200);
  await Promise.all(readers);

  // Every promise kept, none twice — counted by the comment's text, which is unique per attempt (the key is
  // unique by index, so a copy could only hide stored under another key or none).
  const created = attempts.filter((attempt) => attempt.created).map((attempt) => attempt.body);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query<{ body: string; copies: string }>(
    `SELECT body, count(*) AS copies FROM "Comment" WHERE body LIKE 'Comment % from reader %' GROUP BY 1`,
  );
  await client.end();
  const stored = new Map(rows.map((row) => [row.body, Number(row.copies)]));
  expect(created.filter((body) => stored.get(body) !== 1)).toEqual([]);
  expect([...stored.values()].every((copies) => copies === 1)).toBe(true);
  expect(attempts.some((attempt) => attempt.statuses.includes(503))).toBe(true);
  console.log(
    `outage drill: ${created.length} comments accepted (${beforeOutage} before the outage), ` +
      `${attempts.reduce((sum, attempt) => sum + attempt.statuses.filter((status) => status === 503).length, 0)} answers of 503 during it, ` +
      `${stored.size} stored, none twice`,
  );
});
