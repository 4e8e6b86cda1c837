import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions";
import { findActiveStaff, type StaffUser } from "@/lib/services/users";
import { readSession } from "@/lib/session";

export { signIn, signOut } from "@/lib/next-auth";

/**
 * Who is signed in, and what they may do. The session cookie only names a
 * user; every request then loads that user from the database, so a role
 * change, a deactivation or a password reset takes effect on the next request,
 * not when the cookie expires.
 */

/** The signed-in staff member for this request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<StaffUser | null> => {
  const claims = await readSession();
  return claims ? findActiveStaff(claims.userId, claims.sessionVersion) : null;
});

/** For pages: strangers go to /login, staff without the permission get the 403 page. */
export async function requirePageUser(permission: Permission = "dashboard:enter", returnTo = "/dashboard"): Promise<StaffUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(user.role, permission)) forbidden();
  return user;
}

/** For server actions and route handlers: throws an AppError (401/403) instead of redirecting. */
export async function requireUser(permission: Permission = "dashboard:enter"): Promise<StaffUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
  if (!can(user.role, permission)) throw new AppError("forbidden", "You are not allowed to do that.");
  return user;
}
