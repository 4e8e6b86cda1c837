import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions";
import { findActiveStaff, verifyStaffCredentials, type StaffUser } from "@/lib/services/users";
import { signInSchema } from "@/lib/validation/auth";

/**
 * Staff sign-in with next-auth (Auth.js v5): email + password, JWT sessions.
 *
 * The JWT only says who signed in and with which session version. Every
 * request then loads the user from the database (`getCurrentUser`), so a role
 * change, a deactivation or a password reset takes effect on the next request,
 * not when the token expires.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  logger: {
    // A wrong password is an everyday event, answered on the form; not a server error.
    error(error) {
      if ("type" in error && error.type === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await verifyStaffCredentials(parsed.data.email, parsed.data.password);
        if (!user) return null;
        return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = token.sessionVersion ?? -1;
      return session;
    },
  },
});

/** The signed-in staff member for this request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<StaffUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id || session.sessionVersion === undefined) return null;
  return findActiveStaff(id, session.sessionVersion);
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
