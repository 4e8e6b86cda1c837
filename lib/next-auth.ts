import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { sessionCookiesSecure } from "@/lib/auth-cookies";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientAddressFrom } from "@/lib/request-context";
import { signInWithLimits } from "@/lib/services/sign-in";
import { signInSchema } from "@/lib/validation/auth";

/** Sign-in refused by a rate limit (lib/services/sign-in.ts); the form words it. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
}

/**
 * next-auth (Auth.js v5): staff sign in with email and password; sessions
 * are JWTs that only say who signed in and with which session version.
 * Whether that person may still do anything is decided per request by
 * lib/auth.ts, from the database.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  // Session cookies are HttpOnly and SameSite=Lax (next-auth's defaults), and Secure wherever TLS is in front.
  useSecureCookies: sessionCookiesSecure(env),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  logger: {
    // A wrong password is an everyday event, answered on the form; not a server error.
    error(error) {
      // (SignInRateLimited is a CredentialsSignin too: also answered on the form.)
      if ("type" in error && error.type === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        let user;
        try {
          user = await signInWithLimits(parsed.data.email, parsed.data.password, clientAddressFrom(request.headers));
        } catch (error) {
          if (error instanceof AppError && error.code === "rate_limited") throw new SignInRateLimited();
          throw error;
        }
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
