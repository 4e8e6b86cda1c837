import { handlers } from "@/lib/next-auth";

// next-auth's own endpoints (session, CSRF token, sign-out) under /api/auth.
export const GET = handlers.GET;
export const POST = handlers.POST;
