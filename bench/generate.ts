import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { hashPassword } from "../lib/passwords";

/**
 * Newsroom-scale data for benchmarks: published articles of realistic length
 * with sections, tags, bylines and 1–6 citations each, and comments across
 * them (mixed statuses, threads, skewed towards newer stories), written with
 * PostgreSQL's bulk path (COPY … FROM STDIN), never one INSERT per row.
 *
 * Appends: running it with --articles 10000 on a database that already holds
 * 1,000 bench articles adds 9,000, so cost growth can be measured step by
 * step. Deterministic for a given seed.
 *
 *   tsx --conditions=react-server bench/generate.ts --database-url postgresql://… --articles 100000 --comments 1000000
 */

// ---------------------------------------------------------------- randomness
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let random = mulberry32(20261125);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** A UUID version 7 for a given time: ids sort like creation times, as the app's own do. */
function uuidv7(ms: number): string {
  const hex = Math.floor(ms).toString(16).padStart(12, "0");
  const rand = Array.from({ length: 20 }, () => Math.floor(random() * 16).toString(16)).join("");
  const variant = ((parseInt(rand[3]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${rand.slice(0, 3)}-${variant}${rand.slice(4, 7)}-${rand.slice(7, 19)}`;
}

// ---------------------------------------------------------------- text
const vocabulary = (
  "government minister council report officials said city region police court election budget health hospital " +
  "school teachers workers union strike talks agreement deal price prices inflation energy oil gas power water " +
  "drought flood storm climate scientists study research data figures percent million billion year years month " +
  "week today yesterday morning evening people residents families children community local national international " +
  "border forces military army attack killed wounded ceasefire peace negotiations president prime leader party " +
  "opposition vote voters parliament law bill reform tax taxes spending economy growth jobs unemployment market " +
  "shares company companies industry trade exports imports port ships transport bus rail airport flights travel " +
  "tourism culture film music festival theatre museum heritage restoration art artists book books football match " +
  "season team coach players league final victory defeat record crowd stadium investigation inquiry evidence " +
  "witness judge trial verdict sentence appeal prison journalists media agency outlet sources confirmed denied " +
  "according statement spokesperson announced expected plans proposal decision approved rejected delayed warned " +
  "called urged demanded promised northern southern eastern western central province district village capital " +
  "coast river valley mountain road bridge construction housing rent homes buildings damage repairs emergency " +
  "services aid support funding donations charity volunteers crisis response recovery risk safety security"
).split(" ");

function words(count: number): string {
  return Array.from({ length: count }, () => pick(vocabulary)).join(" ");
}

function sentence(): string {
  const text = words(int(9, 22));
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(): string {
  return Array.from({ length: int(2, 4) }, sentence).join(" ");
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// ---------------------------------------------------------------- COPY
type Cell = string | number | boolean | null | Date;

function copyValue(value: Cell): string {
  if (value === null) return "\\N";
  if (value instanceof Date) return value.toISOString();
  return String(value).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** Streams rows into a table with COPY, in chunks so memory stays flat at a million rows. */
async function copyRows(client: pg.PoolClient, table: string, columns: string[], rows: Iterable<Cell[]>): Promise<number> {
  const stream = client.query(copyFrom(`COPY "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) FROM STDIN`));
  let count = 0;
  async function* lines() {
    let chunk: string[] = [];
    for (const row of rows) {
      chunk.push(row.map(copyValue).join("\t"));
      count += 1;
      if (chunk.length === 2_000) {
        yield `${chunk.join("\n")}\n`;
        chunk = [];
      }
    }
    if (chunk.length) yield `${chunk.join("\n")}\n`;
  }
  await pipeline(lines(), stream as unknown as Writable);
  return count;
}

/**
 * Large appends go faster without the table's secondary indexes: PostgreSQL
 * builds an index in one sorted pass far quicker than it maintains it row by
 * row (the trigram GIN indexes on comment text most of all). Non-unique
 * indexes are dropped and recreated from their own definitions; the primary
 * key and unique indexes stay, so the data is checked as it goes in.
 */
async function withoutSecondaryIndexes(client: pg.PoolClient, table: string, rows: number, work: () => Promise<void>): Promise<void> {
  if (rows < 50_000) return work();
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition
       FROM pg_index WHERE indrelid = $1::regclass AND NOT indisprimary AND NOT indisunique`,
    [`"${table}"`],
  );
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  try {
    await work();
  } finally {
    await client.query("SET maintenance_work_mem = '256MB'");
    for (const index of indexes) await client.query(index.definition);
    await client.query("RESET maintenance_work_mem");
  }
}

// ---------------------------------------------------------------- the newsroom
interface Options {
  databaseUrl: string;
  articles: number;
  comments: number;
  log: (line: string) => void;
}

const SECTION_NAMES = ["World", "Politics", "Business", "Science", "Culture", "Sport", "Health", "Technology", "Environment", "Education", "Opinion", "Local"];
const SOURCE_KINDS = ["NEWS_AGENCY", "NEWS_OUTLET", "GOVERNMENT", "MILITARY", "NGO", "SOCIAL_MEDIA", "ANONYMOUS", "DOCUMENT", "OTHER"];
const BENCH_PREFIX = "bench-";
const DAY = 86_400_000;

async function ids(client: pg.PoolClient, sql: string): Promise<string[]> {
  return (await client.query<{ id: string }>(sql)).rows.map((row) => row.id);
}

async function ensureStaff(client: pg.PoolClient): Promise<string[]> {
  const existing = await ids(client, `SELECT id FROM "User" WHERE email LIKE 'bench-%@newsroom.example' ORDER BY email`);
  if (existing.length) return existing;
  const passwordHash = await hashPassword("bench-password-2026");
  const now = new Date();
  await copyRows(
    client,
    "User",
    ["id", "email", "name", "slug", "role", "passwordHash", "updatedAt"],
    Array.from({ length: 40 }, (_, n) => [
      uuidv7(now.getTime() - n),
      `bench-${n}@newsroom.example`,
      `Bench Reporter ${n}`,
      `bench-reporter-${n}`,
      n === 0 ? "ADMIN" : n < 4 ? "MODERATOR" : n < 12 ? "EDITOR" : "WRITER",
      passwordHash,
      now,
    ]),
  );
  return ids(client, `SELECT id FROM "User" WHERE email LIKE 'bench-%@newsroom.example' ORDER BY email`);
}

async function ensureSections(client: pg.PoolClient): Promise<string[]> {
  for (const [position, name] of SECTION_NAMES.entries()) {
    const slug = name.toLowerCase();
    await client.query(
      `INSERT INTO "Section" (id, name, slug, position) VALUES ($1, $2, $3, $4) ON CONFLICT (slug) DO NOTHING`,
      [uuidv7(Date.now()), name, slug, position],
    );
  }
  return ids(client, `SELECT id FROM "Section" ORDER BY position, name`);
}

async function ensureTags(client: pg.PoolClient): Promise<string[]> {
  const existing = await ids(client, `SELECT id FROM "Tag" WHERE slug LIKE '${BENCH_PREFIX}%'`);
  if (existing.length) return existing;
  await copyRows(
    client,
    "Tag",
    ["id", "name", "slug"],
    Array.from({ length: 300 }, (_, n) => [uuidv7(Date.now() + n), `${pick(vocabulary)} ${n}`, `${BENCH_PREFIX}tag-${n}`]),
  );
  return ids(client, `SELECT id FROM "Tag" WHERE slug LIKE '${BENCH_PREFIX}%'`);
}

async function ensureSources(client: pg.PoolClient): Promise<string[]> {
  const existing = await ids(client, `SELECT id FROM "Source" WHERE name LIKE 'Bench source %'`);
  if (existing.length) return existing;
  const now = new Date();
  await copyRows(
    client,
    "Source",
    ["id", "name", "shortName", "kind", "url", "description", "notes", "updatedAt"],
    Array.from({ length: 800 }, (_, n) => {
      const kind = pick(SOURCE_KINDS);
      return [
        uuidv7(now.getTime() + n),
        `Bench source ${n}`,
        `BS${n}`,
        kind,
        kind === "ANONYMOUS" ? null : `https://source-${n}.example/`,
        kind === "ANONYMOUS" ? "an official who asked not to be named" : "",
        `staff notes for source ${n}`,
        now,
      ];
    }),
  );
  return ids(client, `SELECT id FROM "Source" WHERE name LIKE 'Bench source %'`);
}

async function addArticles(client: pg.PoolClient, target: number, refs: { staff: string[]; sections: string[]; tags: string[]; sources: string[] }, log: (line: string) => void) {
  const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "Article" WHERE slug LIKE '${BENCH_PREFIX}%'`);
  const existing = Number(rows[0]?.count ?? 0);
  const toAdd = Math.max(0, target - existing);
  if (toAdd === 0) return;
  const now = Date.now();
  // Publication times spread over five years; new batches continue further back in time.
  const span = 5 * 365 * DAY;
  const articles: { id: string; publishedAt: number }[] = [];
  const articleRows = function* (): Generator<Cell[]> {
    for (let n = existing; n < existing + toAdd; n += 1) {
      const publishedAt = now - DAY - Math.floor((n / Math.max(target, 1)) * span) - int(0, 3_600_000);
      const id = uuidv7(publishedAt);
      articles.push({ id, publishedAt });
      const title = `${sentence().slice(0, -1).split(" ").slice(0, int(6, 12)).join(" ")}`;
      const paragraphs = Array.from({ length: int(6, 10) }, paragraph);
      const body = { type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
      const published = new Date(publishedAt);
      yield [
        id,
        title,
        sentence(),
        `${BENCH_PREFIX}${n}-${title.toLowerCase().split(" ").slice(0, 5).join("-")}`,
        "PUBLISHED",
        JSON.stringify(body),
        paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join(""),
        paragraphs.join("\n\n"),
        pick(refs.sections),
        published,
        published,
        published,
        pick(refs.staff),
      ];
    }
  };
  await withoutSecondaryIndexes(client, "Article", toAdd, async () => {
    await copyRows(
      client,
      "Article",
      ["id", "title", "dek", "slug", "status", "body", "bodyHtml", "bodyText", "sectionId", "publishedAt", "updatedAt", "createdAt", "createdById"],
      articleRows(),
    );
  });
  log(`articles: +${toAdd} (now ${existing + toAdd})`);

  await copyRows(
    client,
    "ArticleByline",
    ["articleId", "userId", "position"],
    (function* () {
      for (const article of articles) {
        const authors = new Set([pick(refs.staff)]);
        if (random() < 0.25) authors.add(pick(refs.staff));
        let position = 0;
        for (const userId of authors) yield [article.id, userId, position++];
      }
    })(),
  );
  await copyRows(
    client,
    "ArticleTag",
    ["articleId", "tagId"],
    (function* () {
      for (const article of articles) {
        const tags = new Set(Array.from({ length: int(1, 4) }, () => pick(refs.tags)));
        for (const tagId of tags) yield [article.id, tagId];
      }
    })(),
  );
  const citations = await copyRows(
    client,
    "Citation",
    ["id", "articleId", "sourceId", "viaSourceId", "claim", "factKey", "factValue", "reportUrl", "position", "createdAt"],
    (function* () {
      for (const article of articles) {
        const count = int(1, 6);
        for (let position = 0; position < count; position += 1) {
          const hasFact = random() < 0.4;
          yield [
            uuidv7(article.publishedAt),
            article.id,
            pick(refs.sources),
            random() < 0.1 ? pick(refs.sources) : null,
            sentence(),
            hasFact ? "death toll" : null,
            hasFact ? String(int(10, 60)) : null,
            `https://reports.example/${article.id}/${position}`,
            position,
            new Date(article.publishedAt),
          ];
        }
      }
    })(),
  );
  log(`bylines, tags and ${citations} citations added`);
}

async function addComments(client: pg.PoolClient, target: number, log: (line: string) => void) {
  const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "Comment" WHERE "idempotencyKey" LIKE 'bench:%'`);
  const existing = Number(rows[0]?.count ?? 0);
  const toAdd = Math.max(0, target - existing);
  if (toAdd === 0) return;
  const { rows: articles } = await client.query<{ id: string; published: Date }>(
    `SELECT id, "publishedAt" AS published FROM "Article" WHERE slug LIKE '${BENCH_PREFIX}%' ORDER BY "publishedAt" DESC`,
  );
  if (!articles.length) throw new Error("generate articles before comments");
  const now = Date.now();
  // Replies need a parent on the same article: remember a few recent comments per article.
  const recent = new Map<string, { id: string; at: number }[]>();
  const statuses = ["APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "PENDING", "PENDING", "SPAM", "TRASH"] as const;
  // Reader words the moderators' search looks for: "council" is in thousands of comments, "quarantine" in about one in a thousand.
  const rareWord = () => (random() < 0.001 ? " Quarantine rules again." : "");
  const reasons: Record<string, string> = {
    PENDING: JSON.stringify([{ rule: "mode", detail: "first comment from this email" }]),
    SPAM: JSON.stringify([{ rule: "blockWords", detail: "matched a block word" }]),
  };
  await withoutSecondaryIndexes(client, "Comment", toAdd, async () => {
    await copyRows(
      client,
      "Comment",
      ["id", "articleId", "parentId", "authorName", "authorEmail", "ipHash", "body", "status", "heldReasons", "reportCount", "flaggedAt", "idempotencyKey", "createdAt", "updatedAt"],
      (function* () {
        for (let n = existing; n < existing + toAdd; n += 1) {
          // Newer stories draw far more comments than old ones.
          const article = articles[Math.floor(Math.pow(random(), 1.5) * articles.length)]!;
          const thread = recent.get(article.id) ?? [];
          const parent = thread.length && random() < 0.3 ? pick(thread) : null;
          const base = parent ? parent.at : article.published.getTime();
          const at = Math.min(now - 1_000, base + int(60_000, 7 * DAY));
          const id = uuidv7(at);
          const status = pick(statuses);
          if (status === "APPROVED") {
            thread.push({ id, at });
            if (thread.length > 8) thread.shift();
            recent.set(article.id, thread);
          }
          const reader = int(0, 49_999);
          const createdAt = new Date(at);
          // One approved comment in two hundred has been reported by readers: the Reported queue.
          const reports = status === "APPROVED" && random() < 0.005 ? int(1, 3) : 0;
          yield [
            id,
            article.id,
            parent?.id ?? null,
            `Reader ${reader}`,
            `reader${reader}@example.net`,
            `ip${int(0, 79_999).toString(36).padStart(6, "0")}`,
            Array.from({ length: int(1, 3) }, sentence).join(" ") + rareWord(),
            status,
            reasons[status] ?? "[]",
            reports,
            reports ? new Date(at + int(60_000, DAY)) : null,
            `bench:${n}`,
            createdAt,
            createdAt,
          ];
        }
      })(),
    );
  });
  // The reports behind the Reported queue, one row per reader report, in one statement.
  await client.query(`
    INSERT INTO "CommentReport" (id, "commentId", "reporterHash", reason)
    SELECT gen_random_uuid(), c.id, 'bench-reader-' || r, (ARRAY['Spam', 'Abusive', 'Off topic', 'Misinformation'])[1 + r % 4]
    FROM "Comment" c CROSS JOIN LATERAL generate_series(1, c."reportCount") AS r
    WHERE c."flaggedAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "CommentReport" cr WHERE cr."commentId" = c.id)`);
  log(`comments: +${toAdd} (now ${existing + toAdd})`);
}

export async function generate(options: Options): Promise<void> {
  random = mulberry32(20261125 + options.articles + options.comments);
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
  const client = await pool.connect();
  try {
    const started = Date.now();
    const refs = {
      staff: await ensureStaff(client),
      sections: await ensureSections(client),
      tags: await ensureTags(client),
      sources: await ensureSources(client),
    };
    await addArticles(client, options.articles, refs, options.log);
    await addComments(client, options.comments, options.log);
    // A settled database, as autovacuum leaves it: statistics current, the visibility map set for index-only scans.
    await client.query("VACUUM ANALYZE");
    options.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    client.release();
    await pool.end();
  }
}

function argument(name: string, fallback?: string): string {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? process.argv[index + 1] : fallback;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

if (process.argv[1]?.endsWith("generate.ts")) {
  generate({
    databaseUrl: argument("database-url", process.env.DATABASE_URL),
    articles: Number(argument("articles", "100000")),
    comments: Number(argument("comments", "1000000")),
    log: (line) => console.log(`generate: ${line}`),
  }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
