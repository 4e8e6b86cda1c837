import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { banFromCommentAction, bulkModerateAction, moderateCommentAction, staffReplyAction } from "@/app/(dashboard)/dashboard/moderation/actions";
import { createBanAction, liftBanAction } from "@/app/(dashboard)/dashboard/moderation/bans/actions";
import { saveModerationSettingsAction, saveSiteSettingsAction } from "@/app/(dashboard)/dashboard/settings/actions";
import { changeRoleAction, createStaffAction, resetPasswordAction, setActiveAction } from "@/app/(dashboard)/dashboard/users/actions";
import { idle, type ActionState } from "@/lib/action-state";
import type { CommandResult } from "@/lib/actions/staff-action";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getEditableSetting } from "@/lib/services/settings";
import { makeArticle, makeComment, uniqueTag } from "../support/comment-factory";
import { actAs } from "../support/request-doubles";
import { makeStaff } from "../support/staff-factory";

/**
 * Every server action of the moderation desk, staff and settings areas ×
 * every role and anonymous, called directly (not through the UI), against
 * PRODUCT.md's table — written out here, not read from lib/permissions.ts, so
 * a wrong entry there fails this test. A refused call must also change nothing.
 */

const moderators: Role[] = ["ADMIN", "EDITOR", "MODERATOR"];
const adminsOnly: Role[] = ["ADMIN"];

type Outcome = ActionState | CommandResult<unknown>;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** Runs a form action, counting Next's redirect after a successful create as success. */
async function settle(run: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await run();
  } catch (error) {
    if (String((error as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT")) return { status: "success" };
    throw error;
  }
}

function refusal(outcome: Outcome): "unauthenticated" | "forbidden" | null {
  if ("ok" in outcome) {
    if (outcome.ok) return null;
    return outcome.error.code === "unauthenticated" || outcome.error.code === "forbidden" ? outcome.error.code : null;
  }
  if (outcome.message === "Your session has ended. Sign in again.") return "unauthenticated";
  if (outcome.message === "You are not allowed to do that.") return "forbidden";
  return null;
}

function succeeded(outcome: Outcome): boolean {
  return "ok" in outcome ? outcome.ok : outcome.status === "success";
}

interface Case {
  allowed: Role[];
  /** Makes fresh data; answers the call to make and what to look at afterwards. */
  prepare: () => Promise<{ call: () => Promise<Outcome>; observe: () => Promise<unknown> }>;
}

const cases: Record<string, Case> = {
  moderateCommentAction: {
    allowed: moderators,
    async prepare() {
      const comment = await makeComment((await makeArticle()).id);
      return {
        call: () => moderateCommentAction({ commentId: comment.id, seenStatus: "PENDING", decision: "approve" }),
        observe: () => db.comment.findUnique({ where: { id: comment.id }, select: { status: true } }),
      };
    },
  },
  bulkModerateAction: {
    allowed: moderators,
    async prepare() {
      const article = await makeArticle();
      const comments = [await makeComment(article.id), await makeComment(article.id)];
      return {
        call: () =>
          bulkModerateAction({ decision: "spam", selection: { kind: "ids", items: comments.map((c) => ({ id: c.id, seenStatus: "PENDING" as const })) } }),
        observe: () => db.comment.findMany({ where: { articleId: article.id }, select: { status: true } }),
      };
    },
  },
  staffReplyAction: {
    allowed: moderators,
    async prepare() {
      const parent = await makeComment((await makeArticle()).id, { status: "APPROVED" });
      return {
        call: () => staffReplyAction({ parentId: parent.id, seenStatus: "APPROVED", body: "Thanks for reading." }),
        observe: () => db.comment.count({ where: { parentId: parent.id } }),
      };
    },
  },
  banFromCommentAction: {
    allowed: moderators,
    async prepare() {
      const comment = await makeComment((await makeArticle()).id);
      return {
        call: () => banFromCommentAction({ commentId: comment.id, banEmail: true, banIp: true, reason: "", spamPending: true }),
        observe: async () => [await db.ban.count({ where: { email: comment.authorEmail } }), await db.comment.findUnique({ where: { id: comment.id }, select: { status: true } })],
      };
    },
  },
  createBanAction: {
    allowed: moderators,
    async prepare() {
      const email = `${uniqueTag("ban")}@readers.test`;
      return {
        call: () => createBanAction(idle, form({ email, ipHash: "", reason: "" })),
        observe: () => db.ban.count({ where: { email } }),
      };
    },
  },
  liftBanAction: {
    allowed: moderators,
    async prepare() {
      const ban = await db.ban.create({ data: { email: `${uniqueTag("lift")}@readers.test` } });
      return {
        call: () => liftBanAction(idle, form({ banId: ban.id })),
        observe: () => db.ban.findUnique({ where: { id: ban.id }, select: { liftedAt: true } }),
      };
    },
  },
  saveModerationSettingsAction: {
    allowed: adminsOnly,
    async prepare() {
      const { version, value } = await getEditableSetting("moderation");
      const fields = {
        version,
        mode: value.mode,
        linkHoldThreshold: String(value.linkHoldThreshold),
        holdWords: [...value.holdWords, uniqueTag("word")].join("\n"),
        blockWords: value.blockWords.join("\n"),
        rateLimitPerMinute: String(value.rateLimitPerMinute),
        closeAfterDays: String(value.closeAfterDays),
      };
      return {
        call: () => saveModerationSettingsAction(idle, form(fields)),
        observe: async () => (await getEditableSetting("moderation")).value,
      };
    },
  },
  saveSiteSettingsAction: {
    allowed: adminsOnly,
    async prepare() {
      const { version, value } = await getEditableSetting("site");
      return {
        call: () => saveSiteSettingsAction(idle, form({ version, name: value.name, tagline: uniqueTag("tagline") })),
        observe: async () => (await getEditableSetting("site")).value,
      };
    },
  },
  createStaffAction: {
    allowed: adminsOnly,
    async prepare() {
      const email = `${uniqueTag("new")}@staff.test`;
      return {
        call: () => createStaffAction(idle, form({ name: "New Person", email, role: "WRITER", password: "a long enough password" })),
        observe: () => db.user.count({ where: { email } }),
      };
    },
  },
  changeRoleAction: {
    allowed: adminsOnly,
    async prepare() {
      const target = await makeStaff("WRITER");
      return {
        call: () => changeRoleAction(idle, form({ userId: target.id, role: "EDITOR" })),
        observe: () => db.user.findUnique({ where: { id: target.id }, select: { role: true, sessionVersion: true } }),
      };
    },
  },
  setActiveAction: {
    allowed: adminsOnly,
    async prepare() {
      const target = await makeStaff("WRITER");
      return {
        call: () => setActiveAction(idle, form({ userId: target.id, active: "false" })),
        observe: () => db.user.findUnique({ where: { id: target.id }, select: { active: true } }),
      };
    },
  },
  resetPasswordAction: {
    allowed: adminsOnly,
    async prepare() {
      const target = await makeStaff("MODERATOR");
      return {
        call: () => resetPasswordAction(idle, form({ userId: target.id, password: "another long password" })),
        observe: () => db.user.findUnique({ where: { id: target.id }, select: { sessionVersion: true } }),
      };
    },
  },
};

// Settings are shared by the whole database: put them back after each call.
let savedSettings: { key: string; value: Prisma.JsonValue }[] = [];
beforeEach(async () => {
  savedSettings = await db.setting.findMany({ select: { key: true, value: true } });
});
afterEach(async () => {
  await db.setting.deleteMany({});
  for (const row of savedSettings) await db.setting.create({ data: { key: row.key, value: row.value ?? {} } });
});

const callers: (Role | "anonymous")[] = ["ADMIN", "EDITOR", "WRITER", "MODERATOR", "anonymous"];

describe.each(Object.entries(cases))("%s", (_name, { allowed, prepare }) => {
  test.each(callers)("as %s", async (caller) => {
    const { call, observe } = await prepare();
    if (caller === "anonymous") actAs(null);
    else actAs(await makeStaff(caller));
    const before = await observe();

    const outcome = await settle(call);

    if (caller !== "anonymous" && allowed.includes(caller)) {
      expect(refusal(outcome)).toBeNull();
      expect(succeeded(outcome)).toBe(true);
      expect(await observe()).not.toEqual(before);
    } else {
      expect(refusal(outcome)).toBe(caller === "anonymous" ? "unauthenticated" : "forbidden");
      expect(await observe()).toEqual(before);
    }
  });
});
