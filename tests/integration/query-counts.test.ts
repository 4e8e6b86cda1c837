import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

/**
 * No N+1 queries: each page's data load sends the same number of SQL
 * statements whether it shows a few rows or many. Both sizes stay below every
 * cap a page has (20 stories on a section page, 24 on the front page, 25 on
 * the desk, 30 in a queue): at the cap, a page shows the same number of rows
 * either way and an N+1 would cost the same statements twice, unseen.
 *
 * The front page lists every story there is, so this file works in a
 * database of its own, where it decides how many stories exist.
 *
 * The statements are counted from the Prisma client's own query events:
 * lib/db uses a client it finds on globalThis (kept there for dev reloads), so
 * one that reports its queries is put there before anything imports lib/db.
 */
const FEW = 5; // the front page's lead, three top stories and one in "Latest"
const MANY = 15;

const statements = await vi.hoisted(async () => {
  const { createTestDatabase } = await import("../support/test-database");
  const { PrismaPgOneQueryAtATime } = await import("@/lib/pg-adapter");
  const { PrismaClient } = await import("@/lib/generated/prisma/client");
  const database = await createTestDatabase("query_counts");
  const sharedUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
  const client = new PrismaClient({
    adapter: new PrismaPgOneQueryAtATime({ connectionString: database.url, max: 10 }),
    omit: { user: { passwordHash: true } },
    log: [{ emit: "event", level: "query" }],
  });
  const sent: string[] = [];
  client.$on("query", (event) => sent.push(event.query));
  (globalThis as unknown as { newsroomPrisma: unknown }).newsroomPrisma = client;
  return { sent, client, database, sharedUrl };
});

const { db } = await import("@/lib/db");
const { actAs } = await import("../support/request-doubles");
const { makeStaff } = await import("../support/staff-factory");
const { makeComment, makeStory, uniqueTag } = await import("../support/story-factory");
const articlePage = await import("@/app/(public)/articles/[slug]/page");
const frontPage = await import("@/app/(public)/page");
const sectionPage = await import("@/app/(public)/sections/[slug]/page");
const { PublicChrome } = await import("@/components/public/public-chrome");
const deskPage = await import("@/app/(dashboard)/dashboard/articles/page");
const moderationPage = await import("@/app/(dashboard)/dashboard/moderation/page");

afterAll(async () => {
  // The next test file builds its own client, on the run's shared database.
  await statements.client.$disconnect();
  delete (globalThis as unknown as { newsroomPrisma?: unknown }).newsroomPrisma;
  process.env.DATABASE_URL = statements.sharedUrl;
  await statements.database.drop();
});

/** How many statements one data load sends. */
async function countStatements(load: () => Promise<unknown>): Promise<number> {
  await load(); // settings and other per-process reads are warm on a live server too
  statements.sent.length = 0;
  await load();
  return statements.sent.length;
}

const params = <T,>(value: T) => Promise.resolve(value);

/** What rendering a public page reads: the chrome (masthead, sections), the metadata and the page itself. */
async function loadPublic(page: () => Promise<unknown>, metadata?: () => Promise<unknown>) {
  await Promise.all([PublicChrome({ children: null }), metadata?.(), page()]);
}

async function storyWith(rows: number, author: { id: string }) {
  const story = await makeStory({
    authorId: author.id,
    tagSlugs: [`topic-${uniqueTag()}`, `topic-${uniqueTag()}`],
    citations: Array.from({ length: rows }, (_, n) => ({
      source: { name: `Agency ${uniqueTag()}`, kind: "NEWS_AGENCY" as const },
      claim: `Claim number ${n}`,
      factKey: "death toll",
      factValue: String(10 + n),
    })),
  });
  let parentId: string | undefined;
  for (let n = 0; n < rows; n += 1) {
    const comment = await makeComment(story.id, { parentId: n % 3 === 2 ? parentId : undefined });
    parentId = comment.id;
  }
  for (let n = 0; n < rows; n += 1) await makeComment(story.id, { status: "PENDING" });
  return story;
}

describe(`statements per page data load do not grow with the rows shown (${FEW} or ${MANY}, below every cap)`, () => {
  let editor: Awaited<ReturnType<typeof makeStaff>>;
  let small: { id: string; slug: string };
  let large: { id: string; slug: string };
  const smallSection = `few-${uniqueTag()}`;
  const largeSection = `many-${uniqueTag()}`;

  beforeAll(async () => {
    editor = await makeStaff("EDITOR");
    small = await storyWith(FEW, editor);
    large = await storyWith(MANY, editor);
    for (let n = 0; n < FEW; n += 1) await makeStory({ sectionSlug: smallSection, authorId: editor.id, tagSlugs: [`topic-${uniqueTag()}`] });
    for (let n = 0; n < MANY; n += 1) await makeStory({ sectionSlug: largeSection, authorId: editor.id, tagSlugs: [`topic-${uniqueTag()}`] });
  }, 120_000);

  test("the article page: a few or many comments and citations", async () => {
    const load = (slug: string) => () =>
      loadPublic(
        () => articlePage.default({ params: params({ slug }) }),
        () => articlePage.generateMetadata({ params: params({ slug }) }),
      );
    const withFive = await countStatements(load(small.slug));
    const withFifty = await countStatements(load(large.slug));
    expect(withFive).toBeGreaterThan(0);
    expect(withFifty).toBe(withFive);
  });

  test("a section page: a few or many stories", async () => {
    const load = (slug: string) => () =>
      loadPublic(
        () => sectionPage.default({ params: params({ slug }) }),
        () => sectionPage.generateMetadata({ params: params({ slug }) }),
      );
    const withFive = await countStatements(load(smallSection));
    const withFifty = await countStatements(load(largeSection));
    expect(withFive).toBeGreaterThan(0);
    expect(withFifty).toBe(withFive);
  });

  test("the front page: a few or many stories in the whole database", async () => {
    // Only this test's stories are published while it runs: the others are taken down and put back.
    const others = await db.article.findMany({ where: { status: "PUBLISHED" }, select: { id: true } });
    await db.article.updateMany({ where: { id: { in: others.map((story) => story.id) } }, data: { status: "UNPUBLISHED" } });
    try {
      const load = () => loadPublic(() => frontPage.default());
      for (let n = 0; n < FEW; n += 1) await makeStory({ authorId: editor.id, sectionSlug: smallSection, tagSlugs: [`topic-${uniqueTag()}`] });
      const withFew = await countStatements(load);
      for (let n = FEW; n < MANY; n += 1) await makeStory({ authorId: editor.id, sectionSlug: largeSection, tagSlugs: [`topic-${uniqueTag()}`] });
      const withMany = await countStatements(load);
      expect(await db.article.count({ where: { status: "PUBLISHED" } })).toBe(MANY);
      expect(withFew).toBeGreaterThan(0);
      expect(withMany).toBe(withFew);
    } finally {
      await db.article.updateMany({ where: { id: { in: others.map((story) => story.id) } }, data: { status: "PUBLISHED" } });
    }
  });

  test("the dashboard article list: a section of a few or of many stories", async () => {
    actAs(editor);
    const sections = await db.section.findMany({ where: { slug: { in: [smallSection, largeSection] } }, select: { id: true, slug: true } });
    const id = (slug: string) => sections.find((section) => section.slug === slug)!.id;
    const load = (section: string) => () => deskPage.default({ searchParams: params({ section }) });
    const withFive = await countStatements(load(id(smallSection)));
    const withFifty = await countStatements(load(id(largeSection)));
    expect(withFive).toBeGreaterThan(0);
    expect(withFifty).toBe(withFive);
  });

  test("the moderation queue: a few or many pending comments of a story", async () => {
    actAs(await makeStaff("MODERATOR"));
    const load = (article: string) => () => moderationPage.default({ searchParams: params({ article }) });
    const withFive = await countStatements(load(small.id));
    const withFifty = await countStatements(load(large.id));
    expect(withFive).toBeGreaterThan(0);
    expect(withFifty).toBe(withFive);
  });
});
