import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Staff members made for one test: unique emails and slugs, a password hash
 * that is not a real argon2 hash (these users never sign in through the form).
 */
export async function makeStaff(role: Role, overrides: { name?: string; active?: boolean } = {}) {
  const tag = randomBytes(4).toString("hex");
  return db.user.create({
    data: {
      email: `${role.toLowerCase()}-${tag}@staff.test`,
      name: overrides.name ?? `${role[0]}${role.slice(1).toLowerCase()} ${tag}`,
      slug: `${role.toLowerCase()}-${tag}`,
      role,
      active: overrides.active ?? true,
      passwordHash: "not-a-real-hash",
    },
    select: { id: true, email: true, name: true, slug: true, role: true, sessionVersion: true },
  });
}
