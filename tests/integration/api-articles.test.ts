import { beforeAll, describe, expect, test } from "vitest";
import * as catchAll from "@/app/api/v1/[...path]/route";
import * as articleRoute from "@/app/api/v1/articles/[slug]/route";
import * as commentsRoute from "@/app/api/v1/articles/[slug]/comments/route";
import * as listRoute from "@/app/api/v1/articles/route";
import * as reportsRoute from "@/app/api/v1/comments/[id]/reports/route";
import { db } from "@/lib/db";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { apiRequest, errorOf, routeParams } from "../support/api-client";
import { makeStaff } from "../support/staff-factory";
import { makeComment, makeStory, uniqueTag } from "../support/story-factory";

const HOUR = 60 * 60 * 1000;

interface Summary {
  slug: string;
  title: string;
  publishedAt: string;
  section: { name: string; slug: string } | null;
  bylines: { name: string; slug: string; url: string }[];
}

async function list(query: string) {
  const response = await listRoute.GET(apiRequest(`/api/v1/articles${query}`), undefined);
  return { response, body: (await response.clone().json()) as { items: Summary[]; nextCursor: string | null } };
}

describe("GET /api/v1/articles", () => {
  const section = `api-section-${uniqueTag()}`;
  const tag = `api-tag-${uniqueTag()}`;
  const word = `zephyr${uniqueTag().replace(/\d/g, "q")}`;
  const slugsByStatus = new Map<ArticleStatus | "DELETED", string>();
  const published: string[] = [];

  beforeAll(async () => {
    const author = await makeStaff("WRITER");
    const base = Date.now() - 100 * HOUR;
    // Seven published stories in the section, one hour apart; two share a time.
    for (const [index, offset] of [0, 1, 2, 3, 3, 4, 5].entries()) {
      const story = await makeStory({
        sectionSlug: section,
        tagSlugs: index % 2 === 0 ? [tag] : [],
        publishedAt: new Date(base + offset * HOUR),
        authorId: author.id,
        paragraphs: index === 2 ? [`A story that mentions ${word} once.`] : ["Nothing to find here."],
      });
      published.push(story.slug);
    }
    for (const status of ["DRAFT", "IN_REVIEW", "SCHEDULED", "UNPUBLISHED"] as const) {
      const story = await makeStory({ status, sectionSlug: section, tagSlugs: [tag], paragraphs: [`Hidden ${word}`] });
      slugsByStatus.set(status, story.slug);
    }
    const deleted = await makeStory({ sectionSlug: section, tagSlugs: [tag], deletedAt: new Date(), paragraphs: [`Deleted ${word}`] });
    slugsByStatus.set("DELETED", deleted.slug);
  });

  test("lists published stories of a section only, newest first, with public fields", async () => {
    const { response, body } = await list(`?section=${section}&limit=50`);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(body.items.map((item) => item.slug).sort()).toEqual([...published].sort());
    const times = body.items.map((item) => Date.parse(item.publishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(body.nextCursor).toBeNull();
    expect(body.items[0]).toMatchObject({
      section: { slug: section },
      bylines: [{ name: expect.any(String), slug: expect.any(String), url: expect.stringContaining("/authors/") }],
    });
    expect(Object.keys(body.items[0] ?? {}).sort()).toEqual(
      ["bylines", "dek", "image", "publishedAt", "section", "slug", "title", "updatedAt", "url"].sort(),
    );
  });

  test("a cursor walks every story exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { body }: { body: { items: Summary[]; nextCursor: string | null } } = await list(
        `?section=${section}&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...body.items.map((item) => item.slug));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(published.length);
    expect(new Set(seen)).toEqual(new Set(published));
  });

  test("filters by tag and by search words, published only", async () => {
    const byTag = await list(`?tag=${tag}&limit=50`);
    expect(byTag.body.items.map((item) => item.slug).sort()).toEqual([published[0], published[2], published[4], published[6]].sort());

    const bySearch = await list(`?q=${word}`);
    expect(bySearch.body.items.map((item) => item.slug)).toEqual([published[2]]);

    const combined = await list(`?q=${word}&tag=${tag}&section=${section}`);
    expect(combined.body.items.map((item) => item.slug)).toEqual([published[2]]);

    const nothing = await list(`?section=no-such-section-${uniqueTag()}`);
    expect(nothing.body).toEqual({ items: [], nextCursor: null });
  });

  test.each([
    ["punctuation only", "?q=%22%22%20-%20!!!"],
    ["an unbalanced quote", "?q=%22mosul"],
    ["SQL-looking text", "?q=%27%3B%20DROP%20TABLE%20%22Article%22%3B%20--"],
    ["stop words only", "?q=the%20and"],
  ])("a search with %s answers 200", async (_label, query) => {
    const { response } = await list(query);
    expect(response.status).toBe(200);
  });

  test.each([
    ["limit=0", "limit"],
    ["limit=51", "limit"],
    ["limit=ten", "limit"],
    ["limit=2.5", "limit"],
    ["cursor=not-a-cursor", "cursor"],
  ])("?%s is refused with 400 naming the field", async (query, field) => {
    const { response } = await list(`?${query}`);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("invalid_input");
    expect(error.fields?.[field]?.[0]).toEqual(expect.any(String));
  });

  test("every endpoint answers the CORS preflight", async () => {
    for (const route of [listRoute, articleRoute, commentsRoute, reportsRoute, catchAll]) {
      const response = route.OPTIONS();
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-allow-methods")).toContain("POST");
      expect(response.headers.get("access-control-allow-headers")).toContain("Idempotency-Key");
    }
  });

  test.each(["DRAFT", "IN_REVIEW", "SCHEDULED", "UNPUBLISHED", "DELETED"] as const)("a %s story answers 404 in the JSON error shape", async (status) => {
    const slug = slugsByStatus.get(status) ?? "";
    for (const handler of [articleRoute.GET, commentsRoute.GET]) {
      const response = await handler(apiRequest(`/api/v1/articles/${slug}`), routeParams({ slug }));
      expect(response.status).toBe(404);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(await errorOf(response)).toEqual({ code: "not_found", message: expect.any(String) });
    }
  });
});

describe("GET /api/v1/articles/{slug}", () => {
  test("the story with bylines, section, tags, citations and the approved-comment count; nothing private", async () => {
    const author = await makeStaff("EDITOR");
    const story = await makeStory({
      sectionSlug: `api-detail-${uniqueTag()}`,
      tagSlugs: [`api-detail-tag-${uniqueTag()}`],
      authorId: author.id,
      citations: [
        { source: { name: "Wire Agency", shortName: "WA", kind: "NEWS_AGENCY", notes: "staff-only note one" }, claim: "35 were killed", factKey: "death toll", factValue: "35" },
        {
          source: { name: "Anonymous official (registry name)", kind: "ANONYMOUS", description: "an official who asked not to be named", notes: "staff-only note two" },
          claim: "45 were killed",
          factKey: "death toll",
          factValue: "45",
        },
      ],
    });
    await makeComment(story.id, { status: "APPROVED" });
    await makeComment(story.id, { status: "APPROVED" });
    await makeComment(story.id, { status: "PENDING" });
    await makeComment(story.id, { status: "SPAM" });

    const response = await articleRoute.GET(apiRequest(`/api/v1/articles/${story.slug}`), routeParams({ slug: story.slug }));
    expect(response.status).toBe(200);
    const text = await response.clone().text();
    const body = JSON.parse(text);
    expect(body).toMatchObject({
      slug: story.slug,
      title: story.title,
      url: expect.stringMatching(new RegExp(`/articles/${story.slug}$`)),
      bylines: [{ name: author.name, slug: author.slug }],
      section: { slug: expect.stringContaining("api-detail-") },
      tags: [{ slug: expect.stringContaining("api-detail-tag-") }],
      commentCount: 2,
      commentsOpen: true,
      bodyHtml: expect.stringContaining("<p>"),
      citations: [
        { source: { name: "Wire Agency", shortName: "WA", kind: "NEWS_AGENCY" }, claim: "35 were killed", factKey: "death toll", factValue: "35", via: null },
        { source: { name: "An official who asked not to be named", kind: "ANONYMOUS" }, claim: "45 were killed", factKey: "death toll", factValue: "45" },
      ],
    });
    expect(text).not.toContain("staff-only note");
    expect(text).not.toContain("registry name");
    expect(text).not.toContain("@example.test");
  });

  test("an old slug answers with a permanent redirect to the current one", async () => {
    const story = await makeStory();
    const oldSlug = `old-${story.slug}`;
    await db.slugRedirect.create({ data: { slug: oldSlug, articleId: story.id } });
    const response = await articleRoute.GET(apiRequest(`/api/v1/articles/${oldSlug}`), routeParams({ slug: oldSlug }));
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe(`/api/v1/articles/${story.slug}`);
  });

  test("an unknown slug answers 404", async () => {
    const response = await articleRoute.GET(apiRequest("/api/v1/articles/nope"), routeParams({ slug: `nope-${uniqueTag()}` }));
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe("not_found");
  });
});

describe("GET /api/v1/articles/{slug}/comments", () => {
  test("approved comments as a thread, replies nested, oldest first, public fields only", async () => {
    const story = await makeStory();
    const t = Date.now() - 10 * HOUR;
    const first = await makeComment(story.id, { createdAt: new Date(t) });
    const second = await makeComment(story.id, { createdAt: new Date(t + HOUR) });
    const reply = await makeComment(story.id, { parentId: first.id, createdAt: new Date(t + 2 * HOUR) });
    const replyToReply = await makeComment(story.id, { parentId: reply.id, createdAt: new Date(t + 3 * HOUR) });
    await makeComment(story.id, { parentId: first.id, status: "PENDING" });
    await makeComment(story.id, { status: "TRASH" });

    const response = await commentsRoute.GET(apiRequest(`/api/v1/articles/${story.slug}/comments`), routeParams({ slug: story.slug }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      items: [
        {
          id: first.id,
          authorName: first.authorName,
          body: first.body,
          createdAt: new Date(t).toISOString(),
          replies: [
            {
              id: reply.id,
              authorName: reply.authorName,
              body: reply.body,
              createdAt: expect.any(String),
              replies: [{ id: replyToReply.id, authorName: replyToReply.authorName, body: replyToReply.body, createdAt: expect.any(String), replies: [] }],
            },
          ],
        },
        { id: second.id, authorName: second.authorName, body: second.body, createdAt: expect.any(String), replies: [] },
      ],
    });
  });
});

describe("unknown endpoints", () => {
  test("answer 404 in the JSON error shape", async () => {
    const response = await catchAll.GET(apiRequest("/api/v1/nothing-here"), undefined);
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe("not_found");
  });
});
