import { PrismaPgOneQueryAtATime } from "../../lib/pg-adapter";
import pg from "pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { percentiles, type Percentiles } from "../lib/timing";

/**
 * The dashboard article list, the moderation queue and public search, timed
 * at the service level: the app's own lib/services functions, called in this
 * process against the bench database, sequentially, after a warm-up. Every
 * statement they send is captured, so RESULTS.md can show each one's
 * EXPLAIN (ANALYZE, BUFFERS) and the bench can check that none reads a big
 * table with a sequential scan.
 */

export interface Statement {
  query: string;
  params: string;
}

export interface ServiceTiming extends Percentiles {
  name: string;
  group: "articles" | "moderation" | "search";
  statements: Statement[];
}

export interface Plan {
  scenario: string;
  query: string;
  plan: string;
  /** Big tables this plan reads with a Seq Scan (none expected). */
  seqScans: string[];
}

/** Tables that grow with the newsroom; a Seq Scan on any of them is a finding. */
export const BIG_TABLES = ["Article", "Comment", "Citation", "ArticleTag", "ArticleByline", "CommentReport", "Revision", "AuditLog"];

interface Services {
  listDeskArticles: typeof import("../../lib/services/articles").listDeskArticles;
  listQueue: typeof import("../../lib/services/moderation").listQueue;
  queueCounts: typeof import("../../lib/services/moderation").queueCounts;
  searchPublished: typeof import("../../lib/services/public-articles").searchPublished;
  parseSearchQuery: typeof import("../../lib/search").parseSearchQuery;
  encodeKeysetCursor: typeof import("../../lib/keyset").encodeKeysetCursor;
}

let capturing: Statement[] | null = null;
let loaded: Services | null = null;

/**
 * lib/db takes a Prisma client it finds on globalThis (it keeps one there for
 * dev reloads); leaving one there that reports its SQL lets the bench see
 * exactly what the services send. Same adapter and pool size as lib/db.
 */
async function services(databaseUrl: string): Promise<Services> {
  if (loaded) return loaded;
  process.env.DATABASE_URL = databaseUrl;
  const client = new PrismaClient({
    adapter: new PrismaPgOneQueryAtATime({ connectionString: databaseUrl, max: 10 }),
    omit: { user: { passwordHash: true } },
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => capturing?.push({ query: event.query, params: event.params }));
  (globalThis as unknown as { newsroomPrisma: unknown }).newsroomPrisma = client;
  const [articles, moderation, publicArticles, search, keyset] = await Promise.all([
    import("../../lib/services/articles"),
    import("../../lib/services/moderation"),
    import("../../lib/services/public-articles"),
    import("../../lib/search"),
    import("../../lib/keyset"),
  ]);
  loaded = {
    listDeskArticles: articles.listDeskArticles,
    listQueue: moderation.listQueue,
    queueCounts: moderation.queueCounts,
    searchPublished: publicArticles.searchPublished,
    parseSearchQuery: search.parseSearchQuery,
    encodeKeysetCursor: keyset.encodeKeysetCursor,
  };
  return loaded;
}

export async function disconnectServices(): Promise<void> {
  const client = (globalThis as unknown as { newsroomPrisma?: PrismaClient }).newsroomPrisma;
  await client?.$disconnect();
}

interface Scenario {
  name: string;
  group: ServiceTiming["group"];
  run: () => Promise<unknown>;
}

async function scenarios(databaseUrl: string, raw: pg.Client): Promise<Scenario[]> {
  const s = await services(databaseUrl);
  const { rows: editors } = await raw.query<{ id: string; name: string }>(
    `SELECT id, name FROM "User" WHERE role = 'ADMIN' AND active ORDER BY "createdAt" LIMIT 1`,
  );
  const editor = { id: editors[0]!.id, name: editors[0]!.name, role: "ADMIN" as const };
  const { rows: deepPending } = await raw.query<{ at: Date; id: string }>(
    `SELECT "createdAt" AS at, id::text FROM "Comment" WHERE status = 'PENDING' ORDER BY "createdAt" DESC, id DESC
     OFFSET (SELECT least(count(*) / 2, 25000) FROM (SELECT 1 FROM "Comment" WHERE status = 'PENDING' LIMIT 50000) AS p) LIMIT 1`,
  );
  const { rows: deepArticle } = await raw.query<{ at: Date; id: string }>(
    `SELECT "updatedAt" AS at, id::text FROM "Article" ORDER BY "updatedAt" DESC, id DESC
     OFFSET (SELECT count(*) / 2 FROM "Article") LIMIT 1`,
  );
  const pendingCursor = deepPending[0] ? s.encodeKeysetCursor(deepPending[0].at, deepPending[0].id) : null;
  const articleCursor = deepArticle[0] ? s.encodeKeysetCursor(deepArticle[0].at, deepArticle[0].id) : undefined;
  const search = (text: string) => s.searchPublished(s.parseSearchQuery(text)!, { page: 1, perPage: 10 });

  return [
    { name: "Article list, first page (editor: every story)", group: "articles", run: () => s.listDeskArticles(editor, {}) },
    { name: "Article list, halfway through the archive (keyset cursor)", group: "articles", run: () => s.listDeskArticles(editor, { cursor: articleCursor }) },
    { name: "Article list, Published only", group: "articles", run: () => s.listDeskArticles(editor, { status: "PUBLISHED" }) },
    { name: "Moderation: Pending, first page", group: "moderation", run: () => s.listQueue("pending", {}) },
    { name: "Moderation: Pending, deep page (keyset cursor)", group: "moderation", run: () => s.listQueue("pending", {}, pendingCursor) },
    { name: "Moderation: counts of the five queues", group: "moderation", run: () => s.queueCounts({}) },
    {
      name: "Moderation: whole Pending page (list + counts, as the page runs them)",
      group: "moderation",
      run: () => Promise.all([s.listQueue("pending", {}), s.queueCounts({})]),
    },
    { name: "Search: a common word (“council”)", group: "search", run: () => search("council") },
    { name: "Search: two words (“hospital strike”)", group: "search", run: () => search("hospital strike") },
    { name: "Search: a phrase (“prime minister”)", group: "search", run: () => search('"prime minister"') },
    { name: "Search: a word no story has (“zeppelin”)", group: "search", run: () => search("zeppelin") },
  ];
}

/** Each scenario: statements captured on a first call, warm-up, then `runs` sequential timed calls. */
export async function measureStaffReads(databaseUrl: string, runs: number): Promise<ServiceTiming[]> {
  const raw = new pg.Client({ connectionString: databaseUrl });
  await raw.connect();
  try {
    const results: ServiceTiming[] = [];
    for (const scenario of await scenarios(databaseUrl, raw)) {
      capturing = [];
      await scenario.run();
      const statements = capturing;
      capturing = null;
      for (let warm = 0; warm < 3; warm += 1) await scenario.run();
      const times: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const started = performance.now();
        await scenario.run();
        times.push(performance.now() - started);
      }
      results.push({ name: scenario.name, group: scenario.group, statements, ...percentiles(times) });
    }
    return results;
  } finally {
    await raw.end();
  }
}

const readsData = (query: string) => /^\s*(SELECT|WITH)\b/i.test(query);

/** EXPLAIN (ANALYZE, BUFFERS) of every statement each scenario sent, as it was sent. */
export async function explainStaffReads(databaseUrl: string, timings: ServiceTiming[]): Promise<Plan[]> {
  const raw = new pg.Client({ connectionString: databaseUrl });
  await raw.connect();
  try {
    const plans: Plan[] = [];
    for (const timing of timings) {
      for (const statement of timing.statements.filter((candidate) => readsData(candidate.query))) {
        const result = await raw.query<{ "QUERY PLAN": string }>(
          `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${statement.query}`,
          JSON.parse(statement.params) as unknown[],
        );
        const plan = result.rows.map((row) => row["QUERY PLAN"]).join("\n");
        const seqScans = [...plan.matchAll(/Seq Scan on "?(\w+)"?/g)].map((match) => match[1]!).filter((table) => BIG_TABLES.includes(table));
        plans.push({ scenario: timing.name, query: statement.query, plan, seqScans: [...new Set(seqScans)] });
      }
    }
    return plans;
  } finally {
    await raw.end();
  }
}
