import { describe, expect, test } from "vitest";
import * as commentsRoute from "@/app/api/v1/articles/[slug]/comments/route";
import * as reportsRoute from "@/app/api/v1/comments/[id]/reports/route";
import { db } from "@/lib/db";
import { ipHash } from "@/lib/request-context";
import { apiRequest, errorOf, routeParams } from "../support/api-client";
import { takeRevalidatedPaths } from "../support/request-doubles";
import { makeComment, makeStory, uniqueAddress, uniqueTag, withModerationSettings } from "../support/story-factory";

const DAY = 24 * 60 * 60 * 1000;

function post(slug: string, json: unknown, init: { address?: string; headers?: Record<string, string> } = {}) {
  return commentsRoute.POST(apiRequest(`/api/v1/articles/${slug}/comments`, { json, ...init }), routeParams({ slug }));
}

const reader = () => {
  const tag = uniqueTag();
  return { authorName: `Reader ${tag}`, authorEmail: `Reader.${tag}@Example.TEST`, body: `A thoughtful comment ${tag}.` };
};

describe("POST /api/v1/articles/{slug}/comments", () => {
  test("a first-time commenter's comment is stored as PENDING with the reason, email normalized, only a hash of the address", async () => {
    const story = await makeStory();
    const address = uniqueAddress();
    const input = reader();
    const response = await post(story.slug, input, { address });
    expect(response.status).toBe(201);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = await response.json();
    expect(body).toEqual({ id: expect.any(String), status: "PENDING" });

    const stored = await db.comment.findUniqueOrThrow({ where: { id: body.id } });
    expect(stored).toMatchObject({
      articleId: story.id,
      authorName: input.authorName,
      authorEmail: input.authorEmail.toLowerCase(),
      body: input.body,
      status: "PENDING",
      heldReasons: [{ rule: "mode", detail: "first comment from this email" }],
      ipHash: ipHash(address),
    });
    expect(JSON.stringify(stored)).not.toContain(address);
    // Nothing changed for readers, so nothing is revalidated.
    expect(takeRevalidatedPaths()).toEqual([]);
  });

  test("a returning commenter is published at once, and the story's page, count and API are revalidated", async () => {
    const story = await makeStory();
    const input = reader();
    await makeComment(story.id, { authorEmail: input.authorEmail.toLowerCase(), status: "APPROVED" });
    takeRevalidatedPaths();

    const response = await post(story.slug, { ...input, authorEmail: input.authorEmail.toUpperCase() });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: "APPROVED" });
    expect(takeRevalidatedPaths().sort()).toEqual(
      [`/articles/${story.slug}`, `/api/v1/articles/${story.slug}`, `/api/v1/articles/${story.slug}/comments`].sort(),
    );
  });

  test.each<[string, Record<string, unknown>, string[]]>([
    ["everything missing", {}, ["authorName", "authorEmail", "body"]],
    ["a blank name and body", { authorName: "   ", authorEmail: "a@example.test", body: " \n " }, ["authorName", "body"]],
    ["a malformed email", { authorName: "A", authorEmail: "not-an-email", body: "Hello" }, ["authorEmail"]],
    ["a body that is too long", { authorName: "A", authorEmail: "a@example.test", body: "x".repeat(5001) }, ["body"]],
    ["a name that is too long", { authorName: "n".repeat(81), authorEmail: "a@example.test", body: "Hello" }, ["authorName"]],
    ["a parent that is not an id", { authorName: "A", authorEmail: "a@example.test", body: "Hello", parentId: "42" }, ["parentId"]],
    ["fields of the wrong type", { authorName: 7, authorEmail: ["a@example.test"], body: { text: "Hello" } }, ["authorName", "authorEmail", "body"]],
  ])("%s → 400 with per-field errors", async (_label, json, fields) => {
    const story = await makeStory();
    const response = await post(story.slug, json);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual([...fields].sort());
    expect(await db.comment.count({ where: { articleId: story.id } })).toBe(0);
  });

  test("a body that is not JSON → 400; not declared JSON → 415; too large → 413", async () => {
    const story = await makeStory();
    const notJson = await commentsRoute.POST(
      apiRequest(`/api/v1/articles/${story.slug}/comments`, { body: "{not json", headers: { "content-type": "application/json" } }),
      routeParams({ slug: story.slug }),
    );
    expect(notJson.status).toBe(400);
    expect((await errorOf(notJson)).code).toBe("invalid_input");

    const form = await commentsRoute.POST(
      apiRequest(`/api/v1/articles/${story.slug}/comments`, { body: "authorName=A", headers: { "content-type": "application/x-www-form-urlencoded" } }),
      routeParams({ slug: story.slug }),
    );
    expect(form.status).toBe(415);
    expect((await errorOf(form)).code).toBe("unsupported_media_type");

    const huge = await post(story.slug, { ...reader(), body: "x".repeat(70 * 1024) });
    expect(huge.status).toBe(413);
    expect((await errorOf(huge)).code).toBe("payload_too_large");
  });

  test.each(["DRAFT", "IN_REVIEW", "SCHEDULED", "UNPUBLISHED"] as const)("a %s story → 404", async (status) => {
    const story = await makeStory({ status });
    const response = await post(story.slug, reader());
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe("not_found");
    expect(await db.comment.count({ where: { articleId: story.id } })).toBe(0);
  });

  test("an unknown story → 404", async () => {
    const response = await post(`no-such-story-${uniqueTag()}`, reader());
    expect(response.status).toBe(404);
  });

  test("replies: to an approved comment of the story → stored under it; to a held one or another story's → 400", async () => {
    const story = await makeStory();
    const other = await makeStory();
    const approved = await makeComment(story.id, { status: "APPROVED" });
    const pending = await makeComment(story.id, { status: "PENDING" });
    const elsewhere = await makeComment(other.id, { status: "APPROVED" });

    const reply = await post(story.slug, { ...reader(), parentId: approved.id });
    expect(reply.status).toBe(201);
    const { id } = await reply.json();
    expect(await db.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({ parentId: approved.id });

    for (const parentId of [pending.id, elsewhere.id, "0190aaaa-0000-7000-8000-000000000000"]) {
      const refused = await post(story.slug, { ...reader(), parentId });
      expect(refused.status).toBe(400);
      expect((await errorOf(refused)).fields?.parentId).toEqual(["You can only reply to a published comment on this story."]);
    }
  });

  describe("the Idempotency-Key header", () => {
    /** Comments stored on the story with exactly this text: what a duplicate would show up as, whatever key it was stored under. */
    const storedWithBody = (articleId: string, body: string) => db.comment.count({ where: { articleId, body } });

    test("a retry answers the same comment, marked as replayed, and the comment is stored once", async () => {
      const story = await makeStory();
      const key = `retry-${uniqueTag()}`;
      const input = reader();
      const first = await post(story.slug, input, { headers: { "idempotency-key": key } });
      const second = await post(story.slug, input, { headers: { "idempotency-key": key } });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.headers.get("idempotent-replayed")).toBe("true");
      expect(await second.json()).toEqual(await first.json());
      expect(await storedWithBody(story.id, input.body)).toBe(1);
    });

    test("the same comment delivered 8 times at once with one key, from one reader: stored once, and every answer names it", async () => {
      const story = await makeStory();
      const key = `race-${uniqueTag()}`;
      const input = reader();
      const address = uniqueAddress();
      const answers = await Promise.all(Array.from({ length: 8 }, () => post(story.slug, input, { address, headers: { "idempotency-key": key } })));
      expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(201));
      const ids = await Promise.all(answers.map(async (answer) => ((await answer.json()) as { id: string }).id));
      expect(new Set(ids).size).toBe(1);
      expect(await storedWithBody(story.id, input.body)).toBe(1);
    });

    test("a different comment under a used key is refused with 422 and stored nowhere, sent after it or at the same time", async () => {
      const story = await makeStory();
      const key = `reuse-${uniqueTag()}`;
      const input = reader();
      expect((await post(story.slug, input, { headers: { "idempotency-key": key } })).status).toBe(201);

      const changes = [{ body: `${input.body} Edited.` }, { authorName: `${input.authorName} Jr` }, { authorEmail: `other.${input.authorEmail}` }];
      for (const change of changes) {
        const refused = await post(story.slug, { ...input, ...change }, { headers: { "idempotency-key": key } });
        expect(refused.status, JSON.stringify(change)).toBe(422);
        expect(await errorOf(refused)).toMatchObject({ code: "idempotency_key_reused", fields: { "Idempotency-Key": [expect.any(String)] } });
      }
      // The same key on another story is the same mistake.
      const other = await makeStory();
      expect((await post(other.slug, input, { headers: { "idempotency-key": key } })).status).toBe(422);
      expect(await db.comment.count({ where: { articleId: other.id } })).toBe(0);
      expect(await db.comment.count({ where: { articleId: story.id } })).toBe(1);

      // Four different comments racing under one fresh key: one is stored, the other three are refused.
      const racing = `race-${uniqueTag()}`;
      const contenders = Array.from({ length: 4 }, () => reader());
      const answers = await Promise.all(contenders.map((contender) => post(story.slug, contender, { headers: { "idempotency-key": racing } })));
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 422, 422, 422]);
      const stored = await Promise.all(contenders.map((contender) => storedWithBody(story.id, contender.body)));
      expect(stored.sort()).toEqual([0, 0, 0, 1]);
    });

    test("a malformed key is refused with 400 naming the header", async () => {
      const story = await makeStory();
      const malformed = await post(story.slug, reader(), { headers: { "idempotency-key": "no spaces allowed" } });
      expect(malformed.status).toBe(400);
      expect(Object.keys((await errorOf(malformed)).fields ?? {})).toEqual(["Idempotency-Key"]);
    });
  });

  test("bans by email and by address, block and hold words: the comment is stored with the status and reasons", async () => {
    const story = await makeStory();
    const bannedEmail = `banned-${uniqueTag()}@example.test`;
    const bannedAddress = uniqueAddress();
    await db.ban.create({ data: { email: bannedEmail, reason: "abuse" } });
    await db.ban.create({ data: { ipHash: ipHash(bannedAddress), reason: "abuse" } });
    const lifted = `lifted-${uniqueTag()}@example.test`;
    await db.ban.create({ data: { email: lifted, liftedAt: new Date() } });

    await withModerationSettings({ mode: "NONE", blockWords: ["casino"], holdWords: ["refund"] }, async () => {
      const cases: [Record<string, string>, string | undefined, string, string[]][] = [
        [{ authorEmail: bannedEmail }, undefined, "SPAM", ["banned_email"]],
        [{ authorEmail: bannedEmail.toUpperCase() }, undefined, "SPAM", ["banned_email"]],
        [{}, bannedAddress, "SPAM", ["banned_ip"]],
        [{ body: "Visit the CASINO today" }, undefined, "SPAM", ["block_word"]],
        [{ body: "I want a refund." }, undefined, "PENDING", ["hold_word"]],
        [{ body: "See https://one.example.com and https://two.example.com" }, undefined, "PENDING", ["links"]],
        [{ authorEmail: lifted }, undefined, "APPROVED", []],
      ];
      for (const [change, address, status, rules] of cases) {
        const response = await post(story.slug, { ...reader(), ...change }, { address });
        expect(response.status).toBe(201);
        const { id } = await response.json();
        const stored = await db.comment.findUniqueOrThrow({ where: { id } });
        expect(stored.status).toBe(status);
        expect((stored.heldReasons as { rule: string }[]).map((reason) => reason.rule)).toEqual(rules);
      }
    });
  });
});

describe("closed comments", () => {
  test("a story closed by its editor → 403 comments_closed, nothing stored", async () => {
    const story = await makeStory({ commentsClosed: true });
    const response = await post(story.slug, reader());
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toEqual({ code: "comments_closed", message: "Comments are closed on this story." });
    expect(await db.comment.count({ where: { articleId: story.id } })).toBe(0);
  });

  test("comments close N days after publication", async () => {
    const old = await makeStory({ publishedAt: new Date(Date.now() - 8 * DAY) });
    const recent = await makeStory({ publishedAt: new Date(Date.now() - 6 * DAY) });
    await withModerationSettings({ closeAfterDays: 7 }, async () => {
      expect((await post(old.slug, reader())).status).toBe(403);
      expect((await post(recent.slug, reader())).status).toBe(201);
    });
    // With the limit off again, the old story takes comments.
    await withModerationSettings({ closeAfterDays: 0 }, async () => {
      expect((await post(old.slug, reader())).status).toBe(201);
    });
  });
});

describe("rate limits", () => {
  test("per address: the sixth comment in a minute → 429 with Retry-After; other readers are unaffected", async () => {
    const story = await makeStory();
    const address = uniqueAddress();
    for (let index = 0; index < 5; index += 1) {
      expect((await post(story.slug, reader(), { address })).status).toBe(201);
    }
    const limited = await post(story.slug, reader(), { address });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await errorOf(limited)).code).toBe("rate_limited");
    expect(await db.comment.count({ where: { articleId: story.id } })).toBe(5);

    expect((await post(story.slug, reader(), { address: uniqueAddress() })).status).toBe(201);
  });

  test("per email, across addresses", async () => {
    const story = await makeStory();
    const input = reader();
    for (let index = 0; index < 5; index += 1) {
      expect((await post(story.slug, { ...input, body: `${input.body} ${index}` }, { address: uniqueAddress() })).status).toBe(201);
    }
    const limited = await post(story.slug, { ...input, body: "one more" }, { address: uniqueAddress() });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  test("the limit follows the setting", async () => {
    const story = await makeStory();
    const address = uniqueAddress();
    await withModerationSettings({ rateLimitPerMinute: 2 }, async () => {
      expect((await post(story.slug, reader(), { address })).status).toBe(201);
      expect((await post(story.slug, reader(), { address })).status).toBe(201);
      expect((await post(story.slug, reader(), { address })).status).toBe(429);
    });
  });

  test("the counters keep neither the address nor the email", async () => {
    const story = await makeStory();
    const address = uniqueAddress();
    const input = reader();
    await post(story.slug, input, { address });
    const keys = await db.rateLimit.findMany({ select: { key: true } });
    expect(keys.length).toBeGreaterThan(0);
    for (const { key } of keys) {
      expect(key).not.toContain(address);
      expect(key.toLowerCase()).not.toContain(input.authorEmail.toLowerCase());
    }
  });
});

describe("POST /api/v1/comments/{id}/reports", () => {
  function report(id: string, init: { json?: unknown; address?: string; userAgent?: string; body?: string; headers?: Record<string, string> } = {}) {
    return reportsRoute.POST(apiRequest(`/api/v1/comments/${id}/reports`, { method: "POST", ...init }), routeParams({ id }));
  }

  test("202; the comment enters the Reported queue; a second report by the same reader → 409; another reader counts", async () => {
    const story = await makeStory();
    const comment = await makeComment(story.id);
    const address = uniqueAddress();

    const first = await report(comment.id, { json: { reason: "Abusive language" }, address });
    expect(first.status).toBe(202);
    let stored = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(stored.reportCount).toBe(1);
    expect(stored.flaggedAt).toBeInstanceOf(Date);
    const flaggedAt = stored.flaggedAt;

    const again = await report(comment.id, { json: { reason: "Still abusive" }, address });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe("conflict");

    const other = await report(comment.id, { address: uniqueAddress() });
    expect(other.status).toBe(202);
    stored = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(stored.reportCount).toBe(2);
    expect(stored.flaggedAt).toEqual(flaggedAt);
    const reports = await db.commentReport.findMany({ where: { commentId: comment.id }, orderBy: { createdAt: "asc" } });
    expect(reports.map((row) => row.reason)).toEqual(["Abusive language", ""]);
    expect(JSON.stringify(reports)).not.toContain(address);
  });

  test("a comment readers cannot see, or no comment at all → 404", async () => {
    const story = await makeStory();
    const draft = await makeStory({ status: "DRAFT" });
    const pending = await makeComment(story.id, { status: "PENDING" });
    const onDraft = await makeComment(draft.id, { status: "APPROVED" });
    for (const id of [pending.id, onDraft.id, "0190aaaa-0000-7000-8000-000000000000", "not-a-uuid"]) {
      const response = await report(id, { json: {} });
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe("not_found");
    }
  });

  test("a reason that is too long → 400; a body that is not JSON → 400 or 415", async () => {
    const story = await makeStory();
    const comment = await makeComment(story.id);
    const long = await report(comment.id, { json: { reason: "r".repeat(501) } });
    expect(long.status).toBe(400);
    expect(Object.keys((await errorOf(long)).fields ?? {})).toEqual(["reason"]);
    const broken = await report(comment.id, { body: "{", headers: { "content-type": "application/json" } });
    expect(broken.status).toBe(400);
    const text = await report(comment.id, { body: "spam", headers: { "content-type": "text/plain" } });
    expect(text.status).toBe(415);
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ reportCount: 0 });
  });
});
