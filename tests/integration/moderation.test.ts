import { beforeEach, describe, expect, test } from "vitest";
import { bulkModerateAction, moderateCommentAction, staffReplyAction } from "@/app/(dashboard)/dashboard/moderation/actions";
import type { Decision } from "@/lib/audit-actions";
import { db } from "@/lib/db";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { listQueue, queueCounts } from "@/lib/services/moderation";
import { makeArticle, makeComment, makeManyComments, reportComment, uniqueTag } from "../support/comment-factory";
import { actAs, takeRevalidatedPaths } from "../support/request-doubles";
import { makeStaff } from "../support/staff-factory";

function auditFor(targetId: string) {
  return db.moderationAction.findMany({ where: { targetId }, orderBy: { id: "asc" } });
}

async function statusOf(id: string) {
  return db.comment.findUniqueOrThrow({ where: { id }, select: { status: true, flaggedAt: true, moderatedById: true } });
}

beforeEach(() => {
  takeRevalidatedPaths();
});

describe("a single decision", () => {
  const transitions: [CommentStatus, Decision, CommentStatus][] = [
    ["PENDING", "approve", "APPROVED"],
    ["PENDING", "spam", "SPAM"],
    ["PENDING", "trash", "TRASH"],
    ["APPROVED", "pending", "PENDING"],
    ["APPROVED", "spam", "SPAM"],
    ["APPROVED", "trash", "TRASH"],
    ["SPAM", "pending", "PENDING"],
    ["SPAM", "approve", "APPROVED"],
    ["SPAM", "trash", "TRASH"],
    ["TRASH", "pending", "PENDING"],
    ["TRASH", "approve", "APPROVED"],
    ["TRASH", "spam", "SPAM"],
  ];

  test.each(transitions)("%s → %s moves the comment to %s and writes one audit entry", async (from, decision, to) => {
    const moderator = await makeStaff("MODERATOR");
    const article = await makeArticle();
    const comment = await makeComment(article.id, { status: from });
    actAs(moderator);

    const result = await moderateCommentAction({ commentId: comment.id, seenStatus: from, decision });

    expect(result).toMatchObject({ ok: true, data: { changed: true, status: to, previousStatus: from } });
    expect(await statusOf(comment.id)).toMatchObject({ status: to, moderatedById: moderator.id });
    const entries = await auditFor(comment.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: moderator.id,
      action: `comment.${decision}`,
      targetType: "comment",
      before: { status: from, reported: false },
      after: { status: to, reported: false },
      batchId: null,
    });
    // Readers see the change only when the comment enters or leaves the approved thread.
    const paths = takeRevalidatedPaths();
    if ((from === "APPROVED") !== (to === "APPROVED")) {
      expect(paths).toEqual(expect.arrayContaining([`/articles/${article.slug}`, `/api/v1/articles/${article.slug}`, `/api/v1/articles/${article.slug}/comments`]));
    } else {
      expect(paths).toEqual([]);
    }
  });

  test("a decision taken from a stale view changes nothing and says who got there first", async () => {
    const [first, second] = await Promise.all([makeStaff("MODERATOR"), makeStaff("EDITOR")]);
    const article = await makeArticle();
    const comment = await makeComment(article.id);

    actAs(first);
    await moderateCommentAction({ commentId: comment.id, seenStatus: "PENDING", decision: "spam" });
    actAs(second);
    const late = await moderateCommentAction({ commentId: comment.id, seenStatus: "PENDING", decision: "approve" });

    expect(late).toMatchObject({ ok: true, data: { changed: false, status: "SPAM" } });
    expect(late.ok && late.data.message).toMatch(/already moved this comment to Spam/);
    expect(await statusOf(comment.id)).toMatchObject({ status: "SPAM", moderatedById: first.id });
    expect(await auditFor(comment.id)).toHaveLength(1);
  });

  test("two moderators approving the same comment at the same moment: one change, one entry, one more in the count", async () => {
    const [first, second] = await Promise.all([makeStaff("MODERATOR"), makeStaff("MODERATOR")]);
    const article = await makeArticle();
    const comment = await makeComment(article.id);
    const input = { commentId: comment.id, seenStatus: "PENDING", decision: "approve" } as const;

    // Each call reads the session when it starts, before any await yields.
    actAs(first);
    const a = moderateCommentAction(input);
    actAs(second);
    const b = moderateCommentAction(input);
    const results = await Promise.all([a, b]);

    const changed = results.filter((result) => result.ok && result.data.changed);
    expect(changed).toHaveLength(1);
    expect(await auditFor(comment.id)).toHaveLength(1);
    expect(await db.comment.count({ where: { articleId: article.id, status: "APPROVED" } })).toBe(1);
  });

  test("approving a reported comment keeps it published, clears the report and leaves the Reported queue", async () => {
    const moderator = await makeStaff("MODERATOR");
    const article = await makeArticle();
    const comment = await makeComment(article.id, { status: "APPROVED" });
    await reportComment(comment.id, "Personal attack");
    actAs(moderator);

    const tag = { article: article.id };
    expect((await listQueue("reported", tag)).items.map((row) => row.id)).toEqual([comment.id]);
    const result = await moderateCommentAction({ commentId: comment.id, seenStatus: "APPROVED", decision: "approve" });

    expect(result).toMatchObject({ ok: true, data: { changed: true, status: "APPROVED" } });
    expect(await statusOf(comment.id)).toMatchObject({ status: "APPROVED", flaggedAt: null });
    expect((await listQueue("reported", tag)).items).toEqual([]);
    expect((await auditFor(comment.id))[0]).toMatchObject({
      action: "comment.approve",
      before: { status: "APPROVED", reported: true },
      after: { status: "APPROVED", reported: false },
    });
    // Nothing readers see changed.
    expect(takeRevalidatedPaths()).toEqual([]);
    // A second moderator doing the same finds nothing left to do.
    const again = await moderateCommentAction({ commentId: comment.id, seenStatus: "APPROVED", decision: "approve" });
    expect(again).toMatchObject({ ok: true, data: { changed: false } });
    expect(await auditFor(comment.id)).toHaveLength(1);
  });

  test("an unknown comment is a clear not-found, and bad input is refused before anything runs", async () => {
    actAs(await makeStaff("MODERATOR"));
    expect(await moderateCommentAction({ commentId: "01900000-0000-7000-8000-000000000000", seenStatus: "PENDING", decision: "approve" })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await moderateCommentAction({ commentId: "nope", seenStatus: "PENDING", decision: "approve" })).toMatchObject({
      ok: false,
      error: { code: "invalid_input" },
    });
  });
});

describe("bulk decisions", () => {
  test("5,000 comments move in one transaction with one batch id, and the report says what changed and what was skipped", async () => {
    const moderator = await makeStaff("MODERATOR");
    const other = await makeStaff("EDITOR");
    const article = await makeArticle();
    const marker = uniqueTag("bulk");
    const ids = await makeManyComments(article.id, 5000, marker);

    // Someone else spams three of them after the moderator loaded the page.
    actAs(other);
    for (const id of ids.slice(0, 3)) await moderateCommentAction({ commentId: id, seenStatus: "PENDING", decision: "spam" });
    takeRevalidatedPaths();

    actAs(moderator);
    const result = await bulkModerateAction({
      decision: "approve",
      selection: { kind: "ids", items: ids.map((id) => ({ id, seenStatus: "PENDING" as const })) },
    });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.changed).toBe(4997);
    expect(result.data.skipped).toEqual(ids.slice(0, 3).map((id) => ({ id, status: "SPAM" })));
    expect(result.data.message).toBe("Approved 4,997 comments. 3 comments skipped: someone else had already moved them.");
    expect(await db.comment.count({ where: { articleId: article.id, status: "APPROVED" } })).toBe(4997);
    expect(await db.comment.count({ where: { articleId: article.id, status: "SPAM" } })).toBe(3);

    const entries = await db.moderationAction.findMany({ where: { batchId: result.data.batchId }, select: { targetId: true, action: true, actorId: true } });
    expect(entries).toHaveLength(4997);
    expect(new Set(entries.map((entry) => entry.targetId))).toEqual(new Set(ids.slice(3)));
    expect(entries.every((entry) => entry.action === "comment.approve" && entry.actorId === moderator.id)).toBe(true);
    // One story, revalidated once.
    expect(takeRevalidatedPaths().filter((path) => path === `/articles/${article.slug}`)).toHaveLength(1);
  });

  test("a bulk action that fails part-way leaves nothing changed and nothing logged", async () => {
    const moderator = await makeStaff("MODERATOR");
    const article = await makeArticle();
    const ids = await makeManyComments(article.id, 20, uniqueTag("atomic"));
    // An actor that does not exist breaks a foreign key inside the transaction, after the rows were locked.
    actAs(moderator);
    const { decideComments } = await import("@/lib/services/moderation");
    await expect(
      decideComments(
        { decision: "trash", selection: { kind: "ids", items: ids.map((id) => ({ id, seenStatus: "PENDING" as const })) } },
        { ...moderator, id: "01900000-0000-7000-8000-00000000dead" },
      ),
    ).rejects.toThrow();
    expect(await db.comment.count({ where: { id: { in: ids }, status: "PENDING" } })).toBe(20);
    expect(await db.moderationAction.count({ where: { targetId: { in: ids } } })).toBe(0);
  });

  test("“everything matching” takes what the moderator saw and leaves comments that arrived later", async () => {
    const moderator = await makeStaff("MODERATOR");
    const article = await makeArticle();
    const marker = uniqueTag("casino");
    const seen = await makeManyComments(article.id, 30, `cheap ${marker} offers`);
    const other = await makeComment(article.id, { body: "A comment that does not match" });
    const loadedAt = new Date();
    const late = await makeComment(article.id, { body: `late ${marker} offer`, createdAt: new Date(loadedAt.getTime() + 60_000) });
    actAs(moderator);

    const result = await bulkModerateAction({
      decision: "spam",
      selection: { kind: "filter", queue: "pending", filter: { q: marker }, upTo: loadedAt.toISOString() },
    });

    expect(result).toMatchObject({ ok: true, data: { changed: 30, skipped: [], remaining: false } });
    expect(await db.comment.count({ where: { id: { in: seen }, status: "SPAM" } })).toBe(30);
    expect((await statusOf(late.id)).status).toBe("PENDING");
    expect((await statusOf(other.id)).status).toBe("PENDING");
  });

  test("two moderators bulk-approving overlapping selections at once never double-count", async () => {
    const [first, second] = await Promise.all([makeStaff("MODERATOR"), makeStaff("MODERATOR")]);
    const article = await makeArticle();
    const ids = await makeManyComments(article.id, 300, uniqueTag("overlap"));
    const items = (slice: string[]) => slice.map((id) => ({ id, seenStatus: "PENDING" as const }));

    actAs(first);
    const a = bulkModerateAction({ decision: "approve", selection: { kind: "ids", items: items(ids.slice(0, 200)) } });
    actAs(second);
    const b = bulkModerateAction({ decision: "trash", selection: { kind: "ids", items: items(ids.slice(100)) } });
    const [ra, rb] = await Promise.all([a, b]);

    expect(ra.ok && rb.ok).toBe(true);
    if (!ra.ok || !rb.ok) return;
    expect(ra.data.changed + rb.data.changed).toBe(300);
    expect(ra.data.skipped.length + rb.data.skipped.length).toBe(100);
    expect(await db.moderationAction.count({ where: { targetId: { in: ids } } })).toBe(300);
    const approved = await db.comment.count({ where: { id: { in: ids }, status: "APPROVED" } });
    const trashed = await db.comment.count({ where: { id: { in: ids }, status: "TRASH" } });
    expect(approved).toBe(ra.data.changed);
    expect(trashed).toBe(rb.data.changed);
  });
});

describe("staff replies", () => {
  test("a reply is published at once, marked as staff, on the same story, and audited", async () => {
    const editor = await makeStaff("EDITOR");
    const article = await makeArticle();
    const parent = await makeComment(article.id, { status: "APPROVED" });
    actAs(editor);

    const result = await staffReplyAction({ parentId: parent.id, seenStatus: "APPROVED", body: "  Thanks — we have corrected the figure.  " });

    expect(result).toMatchObject({ ok: true, data: { approvedParent: false, message: "Reply posted." } });
    if (!result.ok) return;
    const reply = await db.comment.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(reply).toMatchObject({
      articleId: article.id,
      parentId: parent.id,
      status: "APPROVED",
      isStaff: true,
      staffUserId: editor.id,
      authorName: editor.name,
      body: "Thanks — we have corrected the figure.",
    });
    expect(await auditFor(reply.id)).toMatchObject([{ action: "comment.reply", actorId: editor.id, after: { status: "APPROVED", parentId: parent.id } }]);
    expect(takeRevalidatedPaths()).toContain(`/articles/${article.slug}`);
  });

  test("replying to a pending comment approves it too; spam must be restored first", async () => {
    const moderator = await makeStaff("MODERATOR");
    const article = await makeArticle();
    const pending = await makeComment(article.id);
    const spam = await makeComment(article.id, { status: "SPAM" });
    actAs(moderator);

    const approved = await staffReplyAction({ parentId: pending.id, seenStatus: "PENDING", body: "Good question." });
    expect(approved).toMatchObject({ ok: true, data: { approvedParent: true } });
    expect((await statusOf(pending.id)).status).toBe("APPROVED");
    expect((await auditFor(pending.id)).map((entry) => entry.action)).toEqual(["comment.approve"]);

    const refused = await staffReplyAction({ parentId: spam.id, seenStatus: "SPAM", body: "Hello" });
    expect(refused).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(await db.comment.count({ where: { parentId: spam.id } })).toBe(0);
  });

  test("a reply to a comment someone else moved meanwhile is not posted", async () => {
    const moderator = await makeStaff("MODERATOR");
    const article = await makeArticle();
    const parent = await makeComment(article.id, { status: "TRASH" });
    actAs(moderator);
    const result = await staffReplyAction({ parentId: parent.id, seenStatus: "PENDING", body: "Hello" });
    expect(result).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await db.comment.count({ where: { parentId: parent.id } })).toBe(0);
  });

  test("an empty reply gets a field error", async () => {
    actAs(await makeStaff("MODERATOR"));
    const article = await makeArticle();
    const parent = await makeComment(article.id, { status: "APPROVED" });
    const result = await staffReplyAction({ parentId: parent.id, seenStatus: "APPROVED", body: "   " });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { body: ["Write a reply first."] } } });
  });
});

describe("the queues", () => {
  test("each queue holds its comments newest first, pages by keyset without gaps or repeats, and counts them", async () => {
    const article = await makeArticle();
    const marker = uniqueTag("page");
    const ids = await makeManyComments(article.id, 23, marker);
    await makeComment(article.id, { status: "SPAM", body: `spam ${marker}` });
    await makeComment(article.id, { status: "APPROVED", body: `fine ${marker}` });
    const reported = await makeComment(article.id, { status: "APPROVED", body: `rude ${marker}` });
    await reportComment(reported.id, "Rude");
    await reportComment(reported.id, "Rude");
    await reportComment(reported.id, "Off topic");

    const filter = { article: article.id };
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listQueue>> = await listQueue("pending", filter, cursor, 10);
      seen.push(...page.items.map((row) => row.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    expect(await queueCounts(filter)).toEqual({
      pending: { count: 23, capped: false },
      reported: { count: 1, capped: false },
      spam: { count: 1, capped: false },
      approved: { count: 2, capped: false },
      trash: { count: 0, capped: false },
    });
    const [reportedRow] = (await listQueue("reported", filter)).items;
    expect(reportedRow?.reportCount).toBe(3);
    expect(reportedRow?.reports).toEqual([
      { reason: "Rude", count: 2 },
      { reason: "Off topic", count: 1 },
    ]);
  });

  test("rows carry the story, the parent, why the comment was held, the author's history and any ban", async () => {
    const article = await makeArticle({ title: "Council votes on the reservoir" });
    const email = `${uniqueTag("hist")}@readers.test`;
    await makeComment(article.id, { authorEmail: email, status: "APPROVED" });
    await makeComment(article.id, { authorEmail: email, status: "APPROVED" });
    await makeComment(article.id, { authorEmail: email, status: "SPAM" });
    const parent = await makeComment(article.id, { status: "APPROVED", authorName: "Mariam", body: "What did the council decide?" });
    const held = await makeComment(article.id, {
      authorEmail: email,
      parentId: parent.id,
      heldReasons: [{ rule: "links", detail: "3 links (limit 2)" }],
    });
    await db.ban.create({ data: { email, reason: "test" } });

    const [row] = (await listQueue("pending", { author: email })).items;
    expect(row).toMatchObject({
      id: held.id,
      authorEmail: email,
      article: { id: article.id, title: "Council votes on the reservoir", slug: article.slug },
      parent: { id: parent.id, authorName: "Mariam", body: "What did the council decide?" },
      heldReasons: [{ rule: "links", detail: "3 links (limit 2)" }],
      history: { approved: 2, spam: 1, pending: 1, trash: 0 },
      banned: { email: true, ip: false },
    });
  });

  test("search matches words in the body or the author's name, case-insensitively, and treats % and _ literally", async () => {
    const article = await makeArticle();
    const marker = uniqueTag("find");
    const inBody = await makeComment(article.id, { body: `Flood ${marker.toUpperCase()} defences failed` });
    const inName = await makeComment(article.id, { authorName: `Ana ${marker}` });
    await makeComment(article.id, { body: `Nothing to see` });
    const percent = await makeComment(article.id, { body: `Turnout was 100% in ${marker}` });

    const found = (await listQueue("pending", { article: article.id, q: marker })).items.map((row) => row.id);
    expect(new Set(found)).toEqual(new Set([inBody.id, inName.id, percent.id]));
    expect((await listQueue("pending", { article: article.id, q: "100%" })).items.map((row) => row.id)).toEqual([percent.id]);
    expect((await listQueue("pending", { article: article.id, q: "1_0" })).items).toEqual([]);
  });

  test("a malformed cursor starts from the top instead of failing", async () => {
    const article = await makeArticle();
    const comment = await makeComment(article.id);
    expect((await listQueue("pending", { article: article.id }, "not-a-cursor")).items.map((row) => row.id)).toEqual([comment.id]);
  });
});
