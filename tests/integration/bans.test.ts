import { describe, expect, test } from "vitest";
import { banFromCommentAction } from "@/app/(dashboard)/dashboard/moderation/actions";
import { createBanAction, liftBanAction } from "@/app/(dashboard)/dashboard/moderation/bans/actions";
import { idle } from "@/lib/action-state";
import { db } from "@/lib/db";
import { ipHash } from "@/lib/request-context";
import { listBans } from "@/lib/services/bans";
import { submitComment } from "@/lib/services/comments";
import { makeArticle, makeComment, uniqueTag } from "../support/comment-factory";
import { uniqueAddress } from "../support/story-factory";
import { actAs } from "../support/request-doubles";
import { makeStaff } from "../support/staff-factory";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("banning from a queue row", () => {
  test("bans the email, moves that author's pending comments to Spam in the same batch, and audits both", async () => {
    const moderator = await makeStaff("MODERATOR");
    const article = await makeArticle();
    const email = `${uniqueTag("troll")}@readers.test`;
    const row = await makeComment(article.id, { authorEmail: email });
    const otherPending = await makeComment(article.id, { authorEmail: email });
    const published = await makeComment(article.id, { authorEmail: email, status: "APPROVED" });
    const sameIpOtherEmail = await makeComment(article.id, { ipHash: row.ipHash });
    actAs(moderator);

    const result = await banFromCommentAction({ commentId: row.id, banEmail: true, banIp: false, reason: "Repeated abuse", spamPending: true });

    expect(result).toMatchObject({ ok: true, data: { spammed: 2, message: "Banned. 2 pending comments moved to Spam." } });
    if (!result.ok) return;
    const ban = await db.ban.findUniqueOrThrow({ where: { id: result.data.banId } });
    expect(ban).toMatchObject({ email, ipHash: null, reason: "Repeated abuse", createdById: moderator.id, liftedAt: null });

    const statuses = await db.comment.findMany({ where: { articleId: article.id }, select: { id: true, status: true } });
    const statusOf = (id: string) => statuses.find((comment) => comment.id === id)?.status;
    expect(statusOf(row.id)).toBe("SPAM");
    expect(statusOf(otherPending.id)).toBe("SPAM");
    expect(statusOf(published.id)).toBe("APPROVED");
    expect(statusOf(sameIpOtherEmail.id)).toBe("PENDING");

    const banEntry = await db.moderationAction.findFirstOrThrow({ where: { targetId: ban.id } });
    expect(banEntry).toMatchObject({ action: "ban.create", targetType: "ban", actorId: moderator.id, after: { email, ipHash: null, reason: "Repeated abuse" } });
    const spamEntries = await db.moderationAction.findMany({ where: { targetId: { in: [row.id, otherPending.id] } } });
    expect(spamEntries).toHaveLength(2);
    expect(spamEntries.every((entry) => entry.action === "comment.spam" && entry.batchId && entry.batchId === spamEntries[0]?.batchId)).toBe(true);
  });

  test("an IP ban is stored for the address alone; without the option, pending comments stay", async () => {
    const moderator = await makeStaff("EDITOR");
    const article = await makeArticle();
    const ipHash = uniqueTag("ip");
    const row = await makeComment(article.id, { ipHash });
    const other = await makeComment(article.id, { ipHash });
    actAs(moderator);

    const result = await banFromCommentAction({ commentId: row.id, banEmail: false, banIp: true, reason: "", spamPending: false });

    expect(result).toMatchObject({ ok: true, data: { spammed: 0, message: "Banned." } });
    expect(await db.comment.count({ where: { id: { in: [row.id, other.id] }, status: "PENDING" } })).toBe(2);
    expect(await db.ban.findFirst({ where: { ipHash, email: null, liftedAt: null } })).toMatchObject({ ipHash });
  });

  test("refuses to ban an IP a comment did not record, and refuses an empty choice", async () => {
    actAs(await makeStaff("MODERATOR"));
    const article = await makeArticle();
    const staffLike = await makeComment(article.id, { ipHash: null });
    expect(await banFromCommentAction({ commentId: staffLike.id, banEmail: false, banIp: true, reason: "", spamPending: false })).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fields: { banIp: ["This comment has no IP hash to ban."] } },
    });
    expect(await banFromCommentAction({ commentId: staffLike.id, banEmail: false, banIp: false, reason: "", spamPending: false })).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fields: { banEmail: ["Choose the email, the IP hash or both."] } },
    });
    expect(await db.ban.count({ where: { email: staffLike.authorEmail } })).toBe(0);
  });

  test("the same author cannot be banned twice at once", async () => {
    const [first, second] = await Promise.all([makeStaff("MODERATOR"), makeStaff("MODERATOR")]);
    const article = await makeArticle();
    const row = await makeComment(article.id);
    const input = { commentId: row.id, banEmail: true, banIp: true, reason: "", spamPending: true };
    actAs(first);
    const a = banFromCommentAction(input);
    actAs(second);
    const b = banFromCommentAction(input);
    const results = await Promise.all([a, b]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, error: { code: "conflict", message: "This author is already banned." } });
    expect(await db.ban.count({ where: { email: row.authorEmail } })).toBe(1);
  });
});

describe("the bans list", () => {
  test("a ban typed in by hand is active until lifted; lifting is audited and happens once", async () => {
    const moderator = await makeStaff("MODERATOR");
    actAs(moderator);
    const email = `${uniqueTag("Spammer")}@Example.test`;

    const created = await createBanAction(idle, form({ email, ipHash: "", reason: "Link farm" }));
    expect(created).toMatchObject({ status: "success", message: "Banned." });
    const ban = await db.ban.findFirst({ where: { email: email.toLowerCase(), liftedAt: null } });
    expect(ban).toMatchObject({ email: email.toLowerCase(), reason: "Link farm" });
    expect((await listBans("active", null)).items.map((row) => row.id)).toContain(ban?.id);

    const lifted = await liftBanAction(idle, form({ banId: ban!.id }));
    expect(lifted).toMatchObject({ status: "success", message: "Ban lifted." });
    expect(await db.ban.findFirst({ where: { email: email.toLowerCase(), liftedAt: null } })).toBeNull();
    expect(await db.ban.findUniqueOrThrow({ where: { id: ban!.id } })).toMatchObject({ liftedById: moderator.id });
    expect((await listBans("lifted", null)).items.map((row) => row.id)).toContain(ban!.id);
    expect((await listBans("active", null)).items.map((row) => row.id)).not.toContain(ban!.id);

    const again = await liftBanAction(idle, form({ banId: ban!.id }));
    expect(again).toMatchObject({ status: "error", message: `This ban was already lifted by ${moderator.name}.` });
    const entries = await db.moderationAction.findMany({ where: { targetId: ban!.id }, orderBy: { id: "asc" } });
    expect(entries.map((entry) => entry.action)).toEqual(["ban.create", "ban.lift"]);
    expect(entries[1]).toMatchObject({ before: { active: true }, after: { active: false } });
  });

  test("the form says what is missing and keeps what was typed", async () => {
    actAs(await makeStaff("EDITOR"));
    const state = await createBanAction(idle, form({ email: "", ipHash: "", reason: "Because" }));
    expect(state).toMatchObject({
      status: "error",
      errors: { email: ["Enter an email address, an IP hash or both."] },
      values: { reason: "Because" },
    });
    const badEmail = await createBanAction(idle, form({ email: "not-an-email", ipHash: "", reason: "" }));
    expect(badEmail).toMatchObject({ status: "error", errors: { email: ["Enter a valid email address."] }, values: { email: "not-an-email" } });
  });
});

describe("what a ban does to new comments", () => {
  const submit = (slug: string, email: string, address: string) =>
    submitComment(
      { articleSlug: slug, authorName: "Reader", authorEmail: email, body: `A comment ${uniqueTag()}` },
      { address, userAgent: "vitest" },
    );

  test("a banned email's new comments go straight to Spam, with the reason, until the ban is lifted", async () => {
    actAs(await makeStaff("MODERATOR"));
    const article = await makeArticle({ status: "PUBLISHED" });
    const email = `${uniqueTag("banned")}@readers.test`;
    expect(await createBanAction(idle, form({ email: email.toUpperCase(), ipHash: "", reason: "Abuse" }))).toMatchObject({ status: "success" });

    const held = await submit(article.slug, email, uniqueAddress());
    const stored = await db.comment.findUniqueOrThrow({ where: { id: held.id } });
    expect(held.status).toBe("SPAM");
    expect(JSON.stringify(stored.heldReasons)).toMatch(/ban/i);

    const ban = await db.ban.findFirstOrThrow({ where: { email, liftedAt: null } });
    expect(await liftBanAction(idle, form({ banId: ban.id }))).toMatchObject({ status: "success" });
    expect((await submit(article.slug, email, uniqueAddress())).status).not.toBe("SPAM");
  });

  test("a banned address's new comments go to Spam whatever email they use", async () => {
    const moderator = await makeStaff("MODERATOR");
    actAs(moderator);
    const article = await makeArticle({ status: "PUBLISHED" });
    const address = uniqueAddress();
    await db.ban.create({ data: { ipHash: ipHash(address), createdById: moderator.id } });

    expect((await submit(article.slug, `${uniqueTag()}@readers.test`, address)).status).toBe("SPAM");
    expect((await submit(article.slug, `${uniqueTag()}@readers.test`, uniqueAddress())).status).not.toBe("SPAM");
  });
});
