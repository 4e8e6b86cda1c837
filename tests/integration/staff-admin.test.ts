import { afterEach, describe, expect, test } from "vitest";
import { changeRoleAction, createStaffAction, resetPasswordAction, setActiveAction } from "@/app/(dashboard)/dashboard/users/actions";
import { idle } from "@/lib/action-state";
import { requireUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/passwords";
import { uniqueTag } from "../support/comment-factory";
import { actAs } from "../support/request-doubles";
import { makeStaff } from "../support/staff-factory";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** A successful create redirects to the new person's page; Next signals that by throwing. */
async function createAndFollow(fields: Record<string, string>): Promise<string> {
  try {
    const state = await createStaffAction(idle, form(fields));
    throw new Error(`expected a redirect, got ${JSON.stringify(state)}`);
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    const match = /;\/dashboard\/users\/([0-9a-f-]{36})\?created=1;/.exec(digest);
    if (!match?.[1]) throw error;
    return match[1];
  }
}

describe("creating staff", () => {
  test("stores an argon2id hash, a unique author slug and an audit entry; the hash is never returned", async () => {
    const admin = await makeStaff("ADMIN");
    actAs(admin);
    const tag = uniqueTag();
    const name = `Sam Lee ${tag}`;

    const firstId = await createAndFollow({ name, email: `Sam.${tag}@Newsroom.test`, role: "WRITER", password: "correct horse battery" });
    const secondId = await createAndFollow({ name, email: `sam2.${tag}@newsroom.test`, role: "MODERATOR", password: "another long password" });

    const first = await db.user.findUniqueOrThrow({ where: { id: firstId }, omit: { passwordHash: false } });
    expect(first).toMatchObject({ email: `sam.${tag}@newsroom.test`, role: "WRITER", active: true, slug: `sam-lee-${tag}` });
    expect(first.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(first.passwordHash, "correct horse battery")).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: secondId } })).slug).toBe(`sam-lee-${tag}-2`);

    const entry = await db.moderationAction.findFirstOrThrow({ where: { targetId: firstId } });
    expect(entry).toMatchObject({ action: "user.create", actorId: admin.id, after: { name, email: `sam.${tag}@newsroom.test`, role: "WRITER" } });
    expect(JSON.stringify([entry.before, entry.after])).not.toContain("argon2");
  });

  test("bad input gets field errors and keeps everything typed except the password", async () => {
    actAs(await makeStaff("ADMIN"));
    const state = await createStaffAction(idle, form({ name: "", email: "nobody@", role: "CHIEF", password: "short" }));
    expect(state).toMatchObject({
      status: "error",
      errors: {
        name: ["Enter their name."],
        email: ["Enter a valid email address."],
        role: ["Choose a role."],
        password: ["Use at least 12 characters."],
      },
      values: { name: "", email: "nobody@", role: "CHIEF" },
    });
    expect(state.values).not.toHaveProperty("password");
  });

  test("an email that already has an account is a field error, whatever its case", async () => {
    const existing = await makeStaff("EDITOR");
    actAs(await makeStaff("ADMIN"));
    const state = await createStaffAction(idle, form({ name: "Copy", email: existing.email.toUpperCase(), role: "EDITOR", password: "long enough password" }));
    expect(state).toMatchObject({ status: "error", errors: { email: ["That email already has an account."] } });
  });
});

describe("changing what a person may do ends their sessions at once", () => {
  test("a role change is audited and the old session stops working", async () => {
    const admin = await makeStaff("ADMIN");
    const writer = await makeStaff("WRITER");
    actAs(writer);
    await expect(requireUser()).resolves.toMatchObject({ id: writer.id });

    actAs(admin);
    expect(await changeRoleAction(idle, form({ userId: writer.id, role: "EDITOR" }))).toMatchObject({ status: "success" });

    expect(await db.user.findUniqueOrThrow({ where: { id: writer.id } })).toMatchObject({ role: "EDITOR", sessionVersion: writer.sessionVersion + 1 });
    actAs(writer);
    await expect(requireUser()).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await db.moderationAction.findFirstOrThrow({ where: { targetId: writer.id } })).toMatchObject({
      action: "user.role",
      before: { role: "WRITER" },
      after: { role: "EDITOR" },
    });
  });

  test("deactivation signs the person out everywhere; reactivation lets them sign in again", async () => {
    const admin = await makeStaff("ADMIN");
    const editor = await makeStaff("EDITOR");
    actAs(admin);
    expect(await setActiveAction(idle, form({ userId: editor.id, active: "false" }))).toMatchObject({
      status: "success",
      message: "Account deactivated. They have been signed out everywhere.",
    });
    actAs(editor);
    await expect(requireUser()).rejects.toMatchObject({ code: "unauthenticated" });

    actAs(admin);
    expect(await setActiveAction(idle, form({ userId: editor.id, active: "true" }))).toMatchObject({ status: "success" });
    const after = await db.user.findUniqueOrThrow({ where: { id: editor.id } });
    expect(after.active).toBe(true);
    actAs(after);
    await expect(requireUser()).resolves.toMatchObject({ id: editor.id });
    const actions = await db.moderationAction.findMany({ where: { targetId: editor.id }, orderBy: { id: "asc" } });
    expect(actions.map((entry) => entry.action)).toEqual(["user.deactivate", "user.reactivate"]);
  });

  test("a password reset stores a new hash, ends sessions and logs no secret", async () => {
    const admin = await makeStaff("ADMIN");
    const moderator = await makeStaff("MODERATOR");
    actAs(admin);
    expect(await resetPasswordAction(idle, form({ userId: moderator.id, password: "a brand new passphrase" }))).toMatchObject({ status: "success" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: moderator.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(stored.passwordHash, "a brand new passphrase")).toBe(true);
    actAs(moderator);
    await expect(requireUser()).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await db.moderationAction.findFirstOrThrow({ where: { targetId: moderator.id } })).toMatchObject({ action: "user.password", before: null, after: null });

    actAs(admin);
    expect(await resetPasswordAction(idle, form({ userId: moderator.id, password: "short" }))).toMatchObject({
      status: "error",
      errors: { password: ["Use at least 12 characters."] },
    });
  });
});

describe("the newsroom always keeps an active admin", () => {
  // Other tests leave admins behind in this shared database: set them aside for these tests, then restore them.
  let setAside: string[] = [];
  async function onlyTheseAdmins(keep: string[]) {
    const others = await db.user.findMany({ where: { role: "ADMIN", active: true, id: { notIn: keep } }, select: { id: true } });
    setAside = others.map((user) => user.id);
    await db.user.updateMany({ where: { id: { in: setAside } }, data: { active: false } });
  }
  afterEach(async () => {
    await db.user.updateMany({ where: { id: { in: setAside } }, data: { active: true } });
    setAside = [];
  });

  test("the last active admin can neither demote nor deactivate themselves", async () => {
    const admin = await makeStaff("ADMIN");
    await onlyTheseAdmins([admin.id]);
    actAs(admin);
    const message = "The newsroom needs at least one active admin. Make someone else an admin first.";
    expect(await changeRoleAction(idle, form({ userId: admin.id, role: "EDITOR" }))).toMatchObject({ status: "error", message });
    expect(await setActiveAction(idle, form({ userId: admin.id, active: "false" }))).toMatchObject({ status: "error", message });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", active: true });
  });

  test("two admins demoting each other at the same moment: exactly one succeeds", async () => {
    const [first, second] = await Promise.all([makeStaff("ADMIN"), makeStaff("ADMIN")]);
    await onlyTheseAdmins([first.id, second.id]);
    actAs(first);
    const a = changeRoleAction(idle, form({ userId: second.id, role: "EDITOR" }));
    actAs(second);
    const b = changeRoleAction(idle, form({ userId: first.id, role: "EDITOR" }));
    const results = await Promise.all([a, b]);
    expect(results.map((result) => result.status).sort()).toEqual(["error", "success"]);
    expect(await db.user.count({ where: { id: { in: [first.id, second.id] }, role: "ADMIN", active: true } })).toBe(1);
  });
});
