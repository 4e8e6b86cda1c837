import pg from "pg";
import { applyMigrations } from "../scripts/db/migrate";
import { benchDatabaseUrl, ensureBenchDatabase } from "./bench-database";

/**
 * Fills a benchmark database with a newsroom's worth of reader comments, the
 * way PostgreSQL does it fastest: INSERT … SELECT over generate_series, in
 * batches, never one statement per row.
 *
 *   npx tsx bench/generate-comments.ts [--comments 1000000] [--articles 2000]
 *
 * The database is BENCH_DATABASE_URL, or `newsroom_bench_moderation` on the
 * local server (created and migrated when missing). Re-running adds nothing
 * when the comments are already there; pass --fresh to start over.
 *
 * The mix resembles a busy site two years in: 85% approved, 5% pending,
 * 6% spam, 4% trash; 0.5% of approved comments reported; 100,000 distinct
 * commenters by email and by IP; one comment a minute on average, newest now;
 * bodies built from a small vocabulary so text search has common and rare words.
 */

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

const COMMENTS = option("comments", 1_000_000);
const ARTICLES = option("articles", 2_000);
const BATCH = 100_000;
const fresh = process.argv.includes("--fresh");

// Common words appear in many comments; "quarantine" and "hydrology" in few.
const vocabulary = [
  "the", "council", "report", "figures", "water", "budget", "minister", "election", "source", "agency",
  "reservoir", "hospital", "police", "school", "vote", "deal", "protest", "court", "ruling", "evidence",
  "claim", "number", "article", "reporter", "editor", "thanks", "wrong", "right", "again", "really",
  "question", "answer", "village", "province", "river", "flood", "drought", "tax", "price", "market",
];

async function main(): Promise<void> {
  const url = benchDatabaseUrl();
  await ensureBenchDatabase(url, fresh);
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = Number((await client.query(`SELECT count(*) AS n FROM "Comment" WHERE "idempotencyKey" LIKE 'bench:%'`)).rows[0].n);
    if (existing >= COMMENTS) {
      console.log(`bench: ${existing.toLocaleString("en")} comments already there; nothing to do (--fresh starts over)`);
      return;
    }

    const started = Date.now();
    await client.query(
      `INSERT INTO "Article" (id, title, dek, slug, status, body, "bodyHtml", "bodyText", "publishedAt", "updatedAt", "createdAt")
       SELECT gen_random_uuid(), 'Bench story ' || n, '', 'bench-story-' || n, 'PUBLISHED', '{}', '<p>Bench.</p>', 'Bench.',
              now() - n * interval '6 hours', now() - n * interval '6 hours', now() - n * interval '6 hours'
       FROM generate_series(1, $1::int) AS n
       ON CONFLICT (slug) DO NOTHING`,
      [ARTICLES],
    );
    await client.query(`CREATE TEMP TABLE bench_articles AS SELECT row_number() OVER (ORDER BY slug) AS position, id FROM "Article" WHERE slug LIKE 'bench-story-%'`);
    await client.query(`CREATE INDEX ON bench_articles (position)`);
    const articles = Number((await client.query(`SELECT count(*) AS n FROM bench_articles`)).rows[0].n);

    for (let from = existing + 1; from <= COMMENTS; from += BATCH) {
      const to = Math.min(COMMENTS, from + BATCH - 1);
      // n is the comment's age in minutes: comment 1 is the newest.
      await client.query(
        `INSERT INTO "Comment" (id, "articleId", "authorName", "authorEmail", "ipHash", body, status, "heldReasons",
                                "reportCount", "flaggedAt", "idempotencyKey", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), a.id,
                'Reader ' || (n::bigint * 7919 % 100000),
                'reader' || (n::bigint * 7919 % 100000) || '@bench.example',
                'benchip' || (n::bigint * 104729 % 100000),
                initcap(w[1 + n % 40]) || ' ' || w[1 + n * 3 % 40] || ' ' || w[1 + n * 7 % 40] || ' ' || w[1 + n * 11 % 40] || ' '
                  || w[1 + n * 13 % 40] || ' ' || w[1 + n * 17 % 40] || ' ' || w[1 + n * 19 % 40] || ' ' || w[1 + n * 23 % 40]
                  || CASE WHEN n % 997 = 0 THEN ' quarantine' WHEN n % 499 = 0 THEN ' hydrology' ELSE '' END
                  || ' (' || n || ').',
                s.status::"CommentStatus",
                CASE WHEN s.status = 'PENDING' THEN '[{"rule":"mode","detail":"first comment from this email"}]'::jsonb ELSE '[]'::jsonb END,
                CASE WHEN s.flagged THEN 1 + n % 3 ELSE 0 END,
                CASE WHEN s.flagged THEN now() - n * interval '1 minute' + interval '30 seconds' END,
                'bench:' || n,
                now() - n * interval '1 minute', now() - n * interval '1 minute'
         FROM generate_series($1::int, $2::int) AS g(n)
         CROSS JOIN (SELECT $3::text[] AS w) AS vocabulary
         JOIN bench_articles a ON a.position = 1 + (n * 31 % $4::int)
         CROSS JOIN LATERAL (
           SELECT CASE WHEN n % 100 < 85 THEN 'APPROVED' WHEN n % 100 < 90 THEN 'PENDING' WHEN n % 100 < 96 THEN 'SPAM' ELSE 'TRASH' END AS status,
                  n % 100 < 85 AND n % 200 = 7 AS flagged
         ) AS s
         ON CONFLICT ("idempotencyKey") DO NOTHING`,
        [from, to, vocabulary, articles],
      );
      process.stdout.write(`bench: ${to.toLocaleString("en")} / ${COMMENTS.toLocaleString("en")} comments\r`);
    }
    await client.query(
      `INSERT INTO "CommentReport" (id, "commentId", "reporterHash", reason)
       SELECT gen_random_uuid(), c.id, 'bench-reader-' || r, (ARRAY['Spam', 'Abusive', 'Off topic', 'Misinformation'])[1 + r % 4]
       FROM "Comment" c CROSS JOIN LATERAL generate_series(1, c."reportCount") AS r
       WHERE c."flaggedAt" IS NOT NULL AND c."idempotencyKey" LIKE 'bench:%'
       ON CONFLICT DO NOTHING`,
    );
    // A settled table, as autovacuum would leave it: statistics current, visibility map set for index-only scans.
    await client.query(`VACUUM ANALYZE "Comment"`);
    await client.query(`ANALYZE`);
    const counts = await client.query(`SELECT status::text, count(*)::int AS n FROM "Comment" GROUP BY 1 ORDER BY 1`);
    console.log(`\nbench: done in ${Math.round((Date.now() - started) / 1000)} s:`, Object.fromEntries(counts.rows.map((row) => [row.status, row.n])));
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
