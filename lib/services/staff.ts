import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/passwords";
import { recordAudit } from "@/lib/services/audit-log";
import type { StaffUser } from "@/lib/services/users";
import { firstFreeSlug, slugFromText } from "@/lib/slug";

/**
 * Staff administration (admins only, checked by the actions). Every change
 * that alters what a person may do — role, deactivation, a new password —
 * bumps their session version, so sessions issued before it stop working on
 * their next request. The newsroom always keeps at least one active admin:
 * the check and the change happen under a lock on the admin rows, so two
 * admins demoting each other at once cannot both succeed.
 */

export interface StaffMember {
  id: string;
  name: string;
  email: string;
  slug: string;
  role: Role;
  active: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
}

const memberSelect = {
  id: true,
  name: true,
  email: true,
  slug: true,
  role: true,
  active: true,
  lastSignInAt: true,
  createdAt: true,
} as const satisfies Prisma.UserSelect;

export function listStaff(): Promise<StaffMember[]> {
  return db.user.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }], select: memberSelect });
}

export function getStaffMember(id: string): Promise<StaffMember | null> {
  return db.user.findUnique({ where: { id }, select: memberSelect });
}

export async function createStaff(
  input: { name: string; email: string; role: Role; password: string },
  actor: StaffUser,
): Promise<StaffMember> {
  const email = input.email.trim().toLowerCase();
  const taken = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (taken) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  const slug = await firstFreeSlug(slugFromText(input.name) || "staff", async (candidate) =>
    Boolean(await db.user.findUnique({ where: { slug: candidate }, select: { id: true } })),
  );
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name: input.name, email, role: input.role, slug, passwordHash }, select: memberSelect });
      await recordAudit(tx, [
        { actorId: actor.id, action: "user.create", targetType: "user", targetId: user.id, before: null, after: { name: user.name, email, role: user.role } },
      ]);
      return user;
    });
  } catch (error) {
    // Someone created the same email (or slug) between the check and the insert.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

function emailTaken(): AppError {
  return new AppError("conflict", "That email already has an account.", { email: ["That email already has an account."] });
}

type Tx = Prisma.TransactionClient;

/**
 * Locks the active admins, then the person being changed, always in that
 * order (and each set by id), so concurrent changes queue instead of deadlocking.
 */
async function lockForChange(tx: Tx, userId: string): Promise<{ user: { role: Role; active: boolean }; otherActiveAdmins: number }> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM "User" WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`;
  const rows = await tx.$queryRaw<{ role: Role; active: boolean }[]>`
    SELECT role::text AS role, active FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
  const user = rows[0];
  if (!user) throw new AppError("not_found", "That staff member does not exist.");
  return { user, otherActiveAdmins: admins.filter((admin) => admin.id !== userId).length };
}

const lastAdmin = () => new AppError("conflict", "The newsroom needs at least one active admin. Make someone else an admin first.");

export async function changeRole(input: { userId: string; role: Role }, actor: StaffUser): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const { user, otherActiveAdmins } = await lockForChange(tx, input.userId);
    if (user.role === input.role) return { changed: false };
    if (user.role === "ADMIN" && user.active && otherActiveAdmins === 0) throw lastAdmin();
    await tx.user.update({ where: { id: input.userId }, data: { role: input.role, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, [
      { actorId: actor.id, action: "user.role", targetType: "user", targetId: input.userId, before: { role: user.role }, after: { role: input.role } },
    ]);
    return { changed: true };
  });
}

export async function setActive(input: { userId: string; active: boolean }, actor: StaffUser): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const { user, otherActiveAdmins } = await lockForChange(tx, input.userId);
    if (user.active === input.active) return { changed: false };
    if (!input.active && user.role === "ADMIN" && otherActiveAdmins === 0) throw lastAdmin();
    await tx.user.update({ where: { id: input.userId }, data: { active: input.active, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, [
      {
        actorId: actor.id,
        action: input.active ? "user.reactivate" : "user.deactivate",
        targetType: "user",
        targetId: input.userId,
        before: { active: user.active },
        after: { active: input.active },
      },
    ]);
    return { changed: true };
  });
}

/** Sets a new password chosen by an admin; the hash is never shown or logged. */
export async function resetPassword(input: { userId: string; password: string }, actor: StaffUser): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await lockForChange(tx, input.userId);
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, [{ actorId: actor.id, action: "user.password", targetType: "user", targetId: input.userId, before: null, after: null }]);
  });
}
