import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/passwords";
import { findActiveStaff, verifyStaffCredentials } from "@/lib/services/users";

const password = "a-long-enough-password";
let writerId: string;

beforeAll(async () => {
  const passwordHash = await hashPassword(password);
  const writer = await db.user.create({
    data: { email: "signin-writer@staff.example", name: "Sign-in Writer", slug: "signin-writer", role: "WRITER", passwordHash },
  });
  writerId = writer.id;
  await db.user.create({
    data: { email: "signin-gone@staff.example", name: "Gone", slug: "signin-gone", role: "EDITOR", passwordHash, active: false },
  });
});

describe("verifyStaffCredentials", () => {
  test("accepts the right password and never returns the hash", async () => {
    const user = await verifyStaffCredentials("signin-writer@staff.example", password);
    expect(user).toMatchObject({ id: writerId, role: "WRITER", name: "Sign-in Writer" });
    expect(JSON.stringify(user)).not.toContain("argon2");
  });

  test.each([
    ["a wrong password", "signin-writer@staff.example", "wrong-password"],
    ["an unknown email", "nobody@staff.example", password],
    ["a deactivated account with the right password", "signin-gone@staff.example", password],
  ])("refuses %s with the same answer", async (_label, email, attempt) => {
    expect(await verifyStaffCredentials(email, attempt)).toBeNull();
  });

  test("stores passwords as argon2id hashes", async () => {
    const row = await db.user.findUniqueOrThrow({ where: { id: writerId }, select: { passwordHash: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  test("records when the person last signed in", async () => {
    const row = await db.user.findUniqueOrThrow({ where: { id: writerId }, select: { lastSignInAt: true } });
    expect(row.lastSignInAt).not.toBeNull();
  });
});

describe("findActiveStaff", () => {
  test("a session stops working when the account is deactivated or its session version moves on", async () => {
    expect(await findActiveStaff(writerId, 0)).not.toBeNull();
    await db.user.update({ where: { id: writerId }, data: { sessionVersion: { increment: 1 } } });
    expect(await findActiveStaff(writerId, 0)).toBeNull();
    expect(await findActiveStaff(writerId, 1)).not.toBeNull();
    await db.user.update({ where: { id: writerId }, data: { active: false } });
    expect(await findActiveStaff(writerId, 1)).toBeNull();
  });
});
