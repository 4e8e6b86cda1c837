import { describe, expect, test } from "vitest";
import { requireUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { actAs } from "../support/request-doubles";
import { makeStaff } from "../support/staff-factory";

// Which role may do what is asserted for every action, route and page in authorization-matrix.test.ts.
describe("requireUser", () => {
  test("anonymous callers are refused with 401", async () => {
    actAs(null);
    await expect(requireUser()).rejects.toMatchObject({ code: "unauthenticated", status: 401 });
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
