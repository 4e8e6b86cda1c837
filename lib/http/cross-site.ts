/**
 * Cross-site request refusal for everything that changes state with the
 * visitor's cookies: server actions, next-auth's endpoints, uploads. (The
 * public JSON API is meant to be called from anywhere and carries no
 * credentials, so it is not subject to this.)
 *
 * A write is cross-site when its Origin names another host than the one it
 * was sent to, or — for the rare browser that omits Origin — when Fetch
 * Metadata says `cross-site`. The host is `X-Forwarded-Host` when a proxy set
 * it, as Next.js itself compares for server actions. Requests with neither
 * header come from scripts, not browsers, and carry no visitor's cookies by accident.
 */

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteWrite(method: string, headers: Headers): boolean {
  if (safeMethods.has(method.toUpperCase())) return false;
  const origin = headers.get("origin");
  if (origin !== null) {
    // Sandboxed frames and some redirects send the literal "null".
    if (origin === "null") return true;
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return true;
    }
    const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
    return !host || originHost.toLowerCase() !== host.toLowerCase();
  }
  return headers.get("sec-fetch-site") === "cross-site";
}

/** The JSON error shape of lib/api/respond.ts, without its CORS headers. */
export function crossSiteRefusal(): Response {
  return new Response(JSON.stringify({ error: { code: "forbidden", message: "Requests from other sites are refused." } }), {
    status: 403,
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}
