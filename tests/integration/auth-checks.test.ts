import { describe, expect, test } from "vitest";
import { requireUser } from "@/lib/auth";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { actAs } from "../support/request-doubles";
import { makeStaff } from "../support/staff-factory";

describe("requireUser", () => {
  test("anonymous callers are refused with 401", async () => {
    actAs(null);
    await expect(requireUser()).rejects.toMatchObject({ code: "unauthenticated", status: 401 });
  });

  test.each<[Role, boolean]>([
    ["ADMIN", true],
    ["EDITOR", false],
    ["WRITER", false],
    ["MODERATOR", false],
  ])("user management as %s: allowed=%s", async (role, allowed) => {
    const user = await makeStaff(role);
    actAs(user);
    const attempt = requireUser("user:manage");
    if (allowed) await expect(attempt).resolves.toMatchObject({ id: user.id, role });
    else await expect(attempt).rejects.toMatchObject({ code: "forbidden", status: 403 });
  });

  test("a deactivated user's session stops working at once", async () => {
    const user = await makeStaff("EDITOR");
    actAs(user);
    await expect(requireUser()).resolves.toMatchObject({ id: user.id });
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    await expect(requireUser()).rejects.toMatchObject({ code: "unauthenticated" });
  });

  test("a role change takes effect on the next request", async () => {
    const user = await makeStaff("EDITOR");
    actAs(user);
    await expect(requireUser("article:publish")).resolves.toMatchObject({ role: "EDITOR" });
    await db.user.update({ where: { id: user.id }, data: { role: "WRITER" } });
    await expect(requireUser("article:publish")).rejects.toMatchObject({ code: "forbidden" });
  });
});
