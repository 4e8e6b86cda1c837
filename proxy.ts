import { NextResponse, type NextRequest } from "next/server";
import { crossSiteRefusal, isCrossSiteWrite } from "@/lib/http/cross-site";
import { auth } from "@/lib/next-auth";

/**
 * Two early answers, neither of which replaces the checks behind them:
 *
 * - writes sent from another site (a foreign Origin) are refused with 403
 *   before they reach a server action or route handler — the public JSON API
 *   excepted, whose CORS allows any origin (lib/http/cross-site.ts);
 * - strangers are redirected from the dashboard to /login. Every dashboard
 *   page, server action and route handler checks the session and role again
 *   itself (lib/auth.ts).
 */
export async function proxy(request: NextRequest) {
  if (isCrossSiteWrite(request.method, request.headers)) return crossSiteRefusal();
  const path = request.nextUrl.pathname;
  if (path !== "/dashboard" && !path.startsWith("/dashboard/")) return NextResponse.next();

  const session = await auth();
  if (!session?.user) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  return NextResponse.next();
}

export const config = {
  matcher: [
    "/dashboard",
    "/dashboard/:path*",
    // Browsers send Origin on every POST (server actions included) and on cross-origin fetches; plain page
    // views carry none, so cached public pages never pass through here.
    { source: "/((?!_next/static|_next/image|api/v1/).*)", has: [{ type: "header", key: "origin" }] },
  ],
};
