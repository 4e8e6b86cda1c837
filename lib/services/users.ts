import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "@/lib/passwords";

/** What the app knows about a signed-in staff member; never the password hash. */
export interface StaffUser {
  id: string;
  email: string;
  name: string;
  slug: string;
  role: Role;
  sessionVersion: number;
}

const staffFields = { id: true, email: true, name: true, slug: true, role: true, sessionVersion: true } as const;

/**
 * Checks a sign-in. Answers null for every kind of failure (unknown email,
 * wrong password, deactivated account) so callers cannot tell them apart.
 */
export async function verifyStaffCredentials(email: string, password: string): Promise<StaffUser | null> {
  const user = await db.user.findUnique({
    where: { email },
    select: { ...staffFields, active: true, passwordHash: true },
  });
  if (!user) return verifyAgainstDummy(password).then(() => null);
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid || !user.active) return null;

  const rehash = needsRehash(user.passwordHash) ? await hashPassword(password) : undefined;
  await db.user.update({
    where: { id: user.id },
    data: { lastSignInAt: new Date(), ...(rehash ? { passwordHash: rehash } : {}) },
  });
  const { active: _active, passwordHash: _hash, ...staff } = user;
  return staff;
}

/** The session's user, if the account is still active and the session still current. */
export async function findActiveStaff(id: string, sessionVersion: number): Promise<StaffUser | null> {
  const user = await db.user.findUnique({ where: { id }, select: { ...staffFields, active: true } });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  const { active: _active, ...staff } = user;
  return staff;
}
