// Newsroom's HTTP server: `npm start` (production) and `npm run dev` (`--dev`).
//
// It is Next.js's own request handler behind a plain Node server, for one
// reason: the client's address. `next start` passes a client-sent
// X-Forwarded-For through untouched, so an app behind it cannot tell a
// forged header from a real one. Here the address is decided once, from the
// socket (or, with TRUST_PROXY=1, from the load balancer's X-Forwarded-For),
// and handed to the app in a header that clients cannot set.
//
// In production it also answers anonymous readers from page-cache.mjs: the
// exact bytes Next.js served for a cacheable public page, replayed until a
// revalidation purges them (on every instance, through Redis). Each request
// Next.js answers runs in a scope of its own, so that what its render stores
// in the full-route cache is stamped with what the cache knew before it began
// (cache-handler.cjs, route-cache.cjs). And a page that fails because the
// database is down answers 503, not 500 (outage-answers.mjs).
import { createServer } from "node:http";
import { createRequire } from "node:module";
import next from "next";
import { answerOutagesWith503, installOutageAnswers } from "./outage-answers.mjs";
import { createPageCache } from "./page-cache.mjs";

// Loaded here as well as by Next.js, so that revalidation can reach it from the first request.
const { inRequestScope, noteRevalidated } = createRequire(import.meta.url)("./cache-handler.cjs");

const CLIENT_ADDRESS_HEADER = "x-newsroom-client-ip";
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const trustProxy = process.env.TRUST_PROXY === "1" || process.env.TRUST_PROXY === "true";

/** @param {import("node:http").IncomingMessage} request */
function assignClientAddress(request) {
  const forwarded = request.headers["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  if (!trustProxy) {
    // Nobody in front of us: what the client says about its address or our host is not believed.
    for (const name of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"]) {
      delete request.headers[name];
    }
  }
  request.headers[CLIENT_ADDRESS_HEADER] = (trustProxy && first) || request.socket.remoteAddress || "unknown";
}

const app = next({ dev, hostname: host === "0.0.0.0" ? "localhost" : host, port, turbopack: dev });
const handle = app.getRequestHandler();
await app.prepare();

// Development always renders afresh. PAGE_CACHE_SECONDS=0 turns the copies off.
const pageCache = createPageCache({
  seconds: dev ? 0 : Number(process.env.PAGE_CACHE_SECONDS || 60),
  redisUrl: process.env.REDIS_URL || undefined,
  channel: `${process.env.CACHE_KEY_PREFIX ?? "newsroom"}:page-cache:purge`,
  onPurge: noteRevalidated,
});
pageCache.install();

installOutageAnswers();

const server = createServer((request, response) => {
  assignClientAddress(request);
  answerOutagesWith503(request, response);
  pageCache.handle(request, response, () => inRequestScope(request, response, () => handle(request, response)));
});
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => {
  console.log(`Newsroom ${dev ? "(development) " : ""}ready on http://localhost:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => Promise.all([app.close(), pageCache.close()]).finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
