import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as unknownRoute from "@/app/api/v1/[...path]/route";
import * as commentsRoute from "@/app/api/v1/articles/[slug]/comments/route";
import * as articleRoute from "@/app/api/v1/articles/[slug]/route";
import * as articlesRoute from "@/app/api/v1/articles/route";
import * as reportsRoute from "@/app/api/v1/comments/[id]/reports/route";
import * as sectionFeedRoute from "@/app/(public)/sections/[slug]/feed.xml/route";
import { db } from "@/lib/db";
import { apiRequest, errorOf, routeParams } from "../support/api-client";
import {
  assertProperty,
  databaseFingerprint,
  watchDatabaseChanges,
  expectErrorShape,
  fuzzCounter,
  headerValue,
  hostileJson,
  hostileString,
} from "../support/fuzz";
import { makeComment, makeStory, uniqueTag } from "../support/story-factory";

/**
 * Property-based fuzzing of the public JSON API (fast-check): every route
 * handler is called with generated requests — arbitrary JSON, odd Unicode,
 * wrong types, missing and extra fields, malformed bodies, wrong content
 * types, oversized bodies, hostile slugs, ids, cursors and limits. For every
 * case: the status is one the endpoint may answer (never a 500 or 503 — read
 * from the status, not from the log); every 4xx carries the JSON error shape;
 * a refused request leaves the database as it was. And for every endpoint the
 * success path is reached: the first case is a valid request, so an endpoint
 * that refuses everything fails here instead of passing as "never broke".
 */

let open: { id: string; slug: string };
let openSection: string;
let closed: { slug: string };
let draft: { slug: string };
let approvedCommentId: string;
let pendingCommentId: string;

/** Generous: the cases are many and the machine may be shared; nothing here is a timed assertion. */
const PROPERTY_TIMEOUT = 180_000;

let unwatch: () => Promise<void> = async () => {};
beforeAll(async () => {
  unwatch = await watchDatabaseChanges();
  openSection = `fuzz-${uniqueTag()}`;
  open = await makeStory({ sectionSlug: openSection });
  closed = await makeStory({ commentsClosed: true });
  draft = await makeStory({ status: "DRAFT" });
  approvedCommentId = (await makeComment(open.id, { status: "APPROVED" })).id;
  pendingCommentId = (await makeComment(open.id, { status: "PENDING" })).id;
});

afterAll(async () => {
  await unwatch();
  console.info(`[fuzz] API: ${fuzzCounter.cases} generated requests`);
});

const slugs = () => fc.oneof(fc.constantFrom(open.slug, closed.slug, draft.slug, "", "%2e%2e", "a/b"), hostileString);
const sectionSlugs = () => fc.oneof(fc.constantFrom(openSection, "world", "", "%2e%2e"), hostileString);

/** Every status each endpoint answered during the run; its success status must be among them. */
const answered = new Map<string, Set<number>>();
function record(endpoint: string, status: number): void {
  answered.set(endpoint, (answered.get(endpoint) ?? new Set()).add(status));
}
function expectReached(endpoint: string, status: number): void {
  expect([...(answered.get(endpoint) ?? [])], `${endpoint} never answered ${status}, not even to a valid request`).toContain(status);
}

const validComment = { authorName: "Fuzz Reader", authorEmail: "fuzz@example.test", body: "A fuzzed comment." };

/** A comment body as clients get it wrong: right fields with hostile values, missing ones, extra ones, or not an object at all. */
const commentPayload = () =>
  fc.oneof(
    fc.record(
      {
        authorName: fc.oneof(hostileJson, fc.constant("Fuzz Reader")),
        authorEmail: fc.oneof(hostileJson, fc.constantFrom("fuzz@example.test", "FUZZ@EXAMPLE.TEST", "a@b", "@example.test")),
        body: fc.oneof(hostileJson, fc.constant("A fuzzed comment.")),
        parentId: fc.oneof(hostileJson, fc.constantFrom(approvedCommentId, pendingCommentId, null)),
      },
      { requiredKeys: [] },
    ).chain((fields) => fc.dictionary(hostileString, hostileJson, { maxKeys: 3 }).map((extra) => ({ ...extra, ...fields }))),
    hostileJson,
  );

type Body = { kind: "json"; value: unknown } | { kind: "raw"; text: string } | { kind: "none" };

const bodies = (payload: fc.Arbitrary<unknown>): fc.Arbitrary<Body> =>
  fc.oneof(
    { arbitrary: payload.map((value) => ({ kind: "json" as const, value })), weight: 4 },
    { arbitrary: fc.oneof(hostileString, fc.constantFrom("{", '{"body":', "[1,", "\u0000", "{'a':1}", "null")).map((text) => ({ kind: "raw" as const, text })), weight: 1 },
    { arbitrary: fc.constant({ kind: "none" as const }), weight: 1 },
  );

const contentTypes = fc.oneof(
  { arbitrary: fc.constant("application/json"), weight: 4 },
  {
    arbitrary: fc.constantFrom(
      undefined,
      "application/json; charset=utf-8",
      "application/merge-patch+json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonp",
      "",
      "*/*",
    ),
    weight: 2,
  },
  { arbitrary: headerValue, weight: 1 },
);

function buildRequest(path: string, body: Body, contentType: string | undefined, extraHeaders: Record<string, string> = {}): Request {
  const headers: Record<string, string> = { ...extraHeaders };
  if (contentType !== undefined) headers["content-type"] = contentType;
  const text = body.kind === "json" ? JSON.stringify(body.value) : body.kind === "raw" ? body.text : undefined;
  return apiRequest(path, { method: "POST", body: text, headers });
}

/** The checks every answer must pass, whatever was sent. */
async function expectSoundAnswer(response: Response, allowed: number[], context: string): Promise<void> {
  expect(allowed, `${context} → ${response.status}`).toContain(response.status);
  if (response.status >= 400) expectErrorShape(await response.json(), context);
}

describe("fuzzing the public API", () => {
  test("POST /articles/{slug}/comments: every generated request gets 201 or a JSON 4xx; refused ones store nothing", async () => {
    await assertProperty(
      fc.asyncProperty(slugs(), bodies(commentPayload()), contentTypes, fc.option(headerValue, { nil: undefined }), async (slug, body, contentType, key) => {
        const before = await databaseFingerprint();
        const headers: Record<string, string> = key === undefined ? {} : { "idempotency-key": key };
        const response = await commentsRoute.POST(buildRequest(`/api/v1/articles/x/comments`, body, contentType, headers), routeParams({ slug }));
        record("POST comments", response.status);
        const context = JSON.stringify({ slug, body, contentType, key }).slice(0, 500);
        await expectSoundAnswer(response.clone(), [201, 400, 403, 404, 409, 413, 415, 422, 429], context);
        if (response.status === 201) {
          const { id } = (await response.json()) as { id: string };
          expect(await db.comment.count({ where: { id } }), context).toBe(1);
        } else {
          expect(await databaseFingerprint(), context).toEqual(before);
        }
      }),
      { examples: [[open.slug, { kind: "json", value: validComment }, "application/json", undefined]] },
    );
    expectReached("POST comments", 201);
  }, PROPERTY_TIMEOUT);

  test("POST /comments/{id}/reports: generated ids and bodies get 202 or a JSON 4xx; refused ones change nothing", async () => {
    const reportBodies = bodies(fc.oneof(fc.record({ reason: hostileJson, other: hostileJson }, { requiredKeys: [] }), hostileJson));
    const ids = fc.oneof(fc.constantFrom(approvedCommentId, pendingCommentId), fc.uuid(), hostileString);
    await assertProperty(
      fc.asyncProperty(ids, reportBodies, contentTypes, async (id, body, contentType) => {
        const before = await databaseFingerprint();
        const response = await reportsRoute.POST(buildRequest(`/api/v1/comments/x/reports`, body, contentType), routeParams({ id }));
        record("POST reports", response.status);
        const context = JSON.stringify({ id, body, contentType }).slice(0, 500);
        await expectSoundAnswer(response, [202, 400, 404, 409, 413, 415, 429], context);
        if (response.status !== 202) expect(await databaseFingerprint(), context).toEqual(before);
      }),
      { examples: [[approvedCommentId, { kind: "json", value: { reason: "spam" } }, "application/json"]] },
    );
    expectReached("POST reports", 202);
  }, PROPERTY_TIMEOUT);

  test("GET /articles with generated query strings: 200 with a list or 400 with the fields at fault; nothing changes", async () => {
    const parameter = fc.oneof(fc.constantFrom("section", "tag", "q", "cursor", "limit"), hostileString);
    const value = fc.oneof(hostileString, fc.constantFrom("0", "51", "-5", "1.5", "1e3", "20", "world", "eyJ4IjoxfQ", "MjAyNi0xMS0yNXx4"));
    await assertProperty(
      fc.asyncProperty(fc.array(fc.tuple(parameter, value), { maxLength: 6 }), async (pairs) => {
        const before = await databaseFingerprint();
        const query = new URLSearchParams(pairs).toString();
        const response = await articlesRoute.GET(apiRequest(`/api/v1/articles?${query}`), routeParams({}));
        await expectSoundAnswer(response.clone(), [200, 400], query);
        if (response.status === 200) {
          const page = (await response.json()) as { items: unknown[]; nextCursor: unknown };
          expect(Array.isArray(page.items), query).toBe(true);
          expect(page.items.length, query).toBeLessThanOrEqual(50);
          // The success path is a list with stories in it, not an empty answer to everything.
          if (page.items.length > 0) record("GET articles", 200);
        }
        expect(await databaseFingerprint(), query).toEqual(before);
      }),
      { examples: [[[["section", openSection]]]] },
    );
    expectReached("GET articles", 200);
  }, PROPERTY_TIMEOUT);

  test("GET a story, its thread, a section feed and unknown API paths with generated slugs: 200/308/404, never a 500", async () => {
    const endpoints = {
      "GET story": (slug: string) => articleRoute.GET(apiRequest(`/api/v1/articles/x`), routeParams({ slug })),
      "GET thread": (slug: string) => commentsRoute.GET(apiRequest(`/api/v1/articles/x/comments`), routeParams({ slug })),
      "POST unknown path": (slug: string) => unknownRoute.POST(apiRequest(`/api/v1/x`, { method: "POST", body: slug }), { params: Promise.resolve({ path: [slug] }) }),
    };
    await assertProperty(
      fc.asyncProperty(slugs(), sectionSlugs(), async (slug, section) => {
        const context = JSON.stringify({ slug, section });
        for (const [endpoint, call] of Object.entries(endpoints)) {
          const answer = await call(slug);
          record(endpoint, answer.status);
          await expectSoundAnswer(answer, [200, 308, 404], `${endpoint} ${context}`);
        }
        const feed = await sectionFeedRoute.GET(apiRequest(`/sections/x/feed.xml`), routeParams({ slug: section }));
        record("GET section feed", feed.status);
        expect([200, 404], context).toContain(feed.status);
      }),
      { examples: [[open.slug, openSection]] },
    );
    expectReached("GET story", 200);
    expectReached("GET thread", 200);
    expectReached("GET section feed", 200);
    // Nothing lives under an unknown path: its one right answer is the JSON 404.
    expect([...answered.get("POST unknown path")!]).toEqual([404]);
  }, PROPERTY_TIMEOUT);
});

describe("hostile bodies, by example", () => {
  const postComment = (init: Parameters<typeof apiRequest>[1]) =>
    commentsRoute.POST(apiRequest(`/api/v1/articles/${open.slug}/comments`, init), routeParams({ slug: open.slug }));
  const postReport = (init: Parameters<typeof apiRequest>[1]) =>
    reportsRoute.POST(apiRequest(`/api/v1/comments/${approvedCommentId}/reports`, init), routeParams({ id: approvedCommentId }));
  const valid = { authorName: "Example Reader", authorEmail: "example@example.test", body: "Fine." };

  test.each([
    ["a body over 64 KB", 413, "payload_too_large", { json: { ...valid, body: "x".repeat(65 * 1024) } }],
    ["a Content-Length over 64 KB", 413, "payload_too_large", { json: valid, headers: { "content-length": String(10 * 1024 * 1024) } }],
    ["text/plain", 415, "unsupported_media_type", { body: JSON.stringify(valid), headers: { "content-type": "text/plain" } }],
    ["no content type", 415, "unsupported_media_type", { body: JSON.stringify(valid) }],
    ["truncated JSON", 400, "invalid_input", { body: '{"authorName":"A",', headers: { "content-type": "application/json" } }],
    ["an empty body", 400, "invalid_input", { body: "", headers: { "content-type": "application/json" } }],
    ["a JSON array", 400, "invalid_input", { json: [valid] }],
    ["a name of only control characters", 400, "invalid_input", { json: { ...valid, authorName: "\u0000\u0007" } }],
  ] as const)("a comment with %s → %i %s, nothing stored", async (_label, status, code, init) => {
    const before = await db.comment.count();
    const response = await postComment(init);
    expect(response.status).toBe(status);
    expect((await errorOf(response)).code).toBe(code);
    expect(await db.comment.count()).toBe(before);
  });

  test.each([
    ["a body over 64 KB", 413, { json: { reason: "x".repeat(65 * 1024) } }],
    ["text/plain", 415, { body: "spam", headers: { "content-type": "text/plain" } }],
    ["malformed JSON", 400, { body: "{reason", headers: { "content-type": "application/json" } }],
    ["a reason of the wrong type", 400, { json: { reason: 42 } }],
  ] as const)("a report with %s → %i, nothing recorded", async (_label, status, init) => {
    const before = await db.commentReport.count({ where: { commentId: approvedCommentId } });
    const response = await postReport(init);
    expect(response.status).toBe(status);
    expectErrorShape(await response.json(), String(status));
    expect(await db.commentReport.count({ where: { commentId: approvedCommentId } })).toBe(before);
  });
});

describe("regressions the fuzzing found", () => {
  test("a NUL character in a slug or slug filter answers 404 or an empty list, not 500 (PostgreSQL text cannot hold NUL)", async () => {
    const slug = `${open.slug}\u0000`;
    expect((await articleRoute.GET(apiRequest(`/api/v1/articles/x`), routeParams({ slug }))).status).toBe(404);
    expect((await commentsRoute.GET(apiRequest(`/api/v1/articles/x/comments`), routeParams({ slug }))).status).toBe(404);
    expect((await commentsRoute.POST(apiRequest(`/api/v1/articles/x/comments`, { json: { authorName: "A", authorEmail: "a@example.test", body: "Hi" } }), routeParams({ slug }))).status).toBe(404);
    expect((await sectionFeedRoute.GET(apiRequest(`/sections/x/feed.xml`), routeParams({ slug: "world\u0000" }))).status).toBe(404);
    const filtered = await articlesRoute.GET(apiRequest(`/api/v1/articles?section=world%00&tag=a%00`), routeParams({}));
    expect(filtered.status).toBe(200);
    expect(await filtered.json()).toEqual({ items: [], nextCursor: null });
  });
});
