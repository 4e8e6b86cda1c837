import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/lib/next-auth";

/**
 * Early redirect of strangers away from the dashboard. This is a convenience
 * only: every dashboard page, server action and route handler checks the
 * session and role again itself (lib/auth.ts).
 */
export async function proxy(request: NextRequest) {
  const session = await auth();
  if (!session?.user) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/dashboard", "/dashboard/:path*"] };
