import { describe, expect, test } from "vitest";
import { bulkModerateAction, moderateCommentAction } from "@/app/(dashboard)/dashboard/moderation/actions";
import { db } from "@/lib/db";
import { batchSizes, listAuditLog } from "@/lib/services/audit-log";
import { makeArticle, makeComment, makeManyComments, uniqueTag } from "../support/comment-factory";
import { actAs } from "../support/request-doubles";
import { makeStaff } from "../support/staff-factory";

describe("the audit log", () => {
  test("filters by who, what, target and batch, newest first, in keyset pages", async () => {
    const moderator = await makeStaff("MODERATOR");
    const article = await makeArticle();
    const single = await makeComment(article.id);
    const ids = await makeManyComments(article.id, 7, uniqueTag("log"));
    actAs(moderator);
    await moderateCommentAction({ commentId: single.id, seenStatus: "PENDING", decision: "trash" });
    const bulk = await bulkModerateAction({ decision: "spam", selection: { kind: "ids", items: ids.map((id) => ({ id, seenStatus: "PENDING" as const })) } });
    const batchId = bulk.ok ? bulk.data.batchId : null;
    expect(batchId).toBeTruthy();

    const mine = await listAuditLog({ actor: moderator.id }, null);
    expect(mine.items).toHaveLength(8);
    expect(mine.items.at(-1)).toMatchObject({ action: "comment.trash", targetId: single.id, actor: { id: moderator.id, name: moderator.name } });

    const spam = await listAuditLog({ actor: moderator.id, action: "comment.spam" }, null);
    expect(spam.items.map((row) => row.targetId).sort()).toEqual([...ids].sort());
    expect((await listAuditLog({ targetType: "comment", targetId: single.id }, null)).items.map((row) => row.action)).toEqual(["comment.trash"]);
    expect((await listAuditLog({ batch: batchId! }, null)).items).toHaveLength(7);
    expect(await batchSizes([batchId!])).toEqual(new Map([[batchId!, 7]]));

    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listAuditLog>> = await listAuditLog({ actor: moderator.id }, cursor, 3);
      pages.push(...page.items.map((row) => row.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual(mine.items.map((row) => row.id));
  });

  test("filters by calendar day", async () => {
    const moderator = await makeStaff("MODERATOR");
    const today = new Date().toISOString().slice(0, 10);
    await db.moderationAction.create({
      data: { actorId: moderator.id, action: "comment.approve", targetType: "comment", targetId: uniqueTag(), createdAt: new Date("2020-01-15T12:00:00Z") },
    });
    await db.moderationAction.create({ data: { actorId: moderator.id, action: "comment.approve", targetType: "comment", targetId: uniqueTag() } });

    expect((await listAuditLog({ actor: moderator.id, from: "2020-01-15", to: "2020-01-15" }, null)).items).toHaveLength(1);
    expect((await listAuditLog({ actor: moderator.id, from: today }, null)).items).toHaveLength(1);
    expect((await listAuditLog({ actor: moderator.id, to: "2020-01-14" }, null)).items).toHaveLength(0);
  });

  test("cannot be changed or emptied through the application's database client either", async () => {
    const moderator = await makeStaff("ADMIN");
    const entry = await db.moderationAction.create({
      data: { actorId: moderator.id, action: "settings.update", targetType: "setting", targetId: "moderation", after: { mode: "ALL" } },
    });
    await expect(db.moderationAction.update({ where: { id: entry.id }, data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(db.moderationAction.deleteMany({ where: { actorId: moderator.id } })).rejects.toThrow(/append-only/);
    expect(await db.moderationAction.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({ action: "settings.update" });
  });
});
