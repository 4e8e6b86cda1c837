// Newsroom's HTTP server: `npm start` (production) and `npm run dev` (`--dev`).
// Next.js's own request handler behind a plain Node server; README, "Why a
// server of our own", says what each part adds to `next start`:
// - the client's address, decided once (client-address.mjs);
// - copies of anonymous public pages, replayed until a revalidation purges
//   them on every instance (page-cache.mjs);
// - each request Next.js answers runs in a scope of its own, so that what its
//   render stores in the full-route cache is stamped with what the cache knew
//   before it began (route-renders.mjs, cache-handler.mjs);
// - a page that fails because the database is down answers 503, not 500
//   (outage-answers.mjs).
// It runs under plain `node`, without a build step: its modules are
// JavaScript whose JSDoc types `npm run typecheck` checks.
import { createServer } from "node:http";
import next from "next";
import "./cache-handler.mjs";
import { assignClientAddress } from "./client-address.mjs";
import { EnvError, parseEnv, stopWithConfigurationError } from "./environment.mjs";
import { answerOutagesWith503, installOutageAnswers } from "./outage-answers.mjs";
import { createPageCache } from "./page-cache.mjs";
import { inRequestScope, noteRevalidated } from "./route-renders.mjs";

const dev = process.argv.includes("--dev");
const settings = parsedEnvironment();
const port = settings.PORT;
const host = settings.HOST ?? "0.0.0.0";

/** A bad variable stops start-up with one line before Next.js loads (lib/startup.ts then checks the database). */
function parsedEnvironment() {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) stopWithConfigurationError(error.message);
    throw error;
  }
}

const app = next({ dev, hostname: host === "0.0.0.0" ? "localhost" : host, port, turbopack: dev });
const handle = app.getRequestHandler();
await app.prepare();

// Development always renders afresh. PAGE_CACHE_SECONDS=0 turns the copies off.
const pageCache = createPageCache({
  seconds: dev ? 0 : settings.PAGE_CACHE_SECONDS,
  redisUrl: settings.REDIS_URL,
  redisPrefix: settings.CACHE_KEY_PREFIX,
  onPurge: noteRevalidated,
});
pageCache.install();

installOutageAnswers();

const server = createServer((request, response) => {
  assignClientAddress(request, { trustProxy: settings.TRUST_PROXY });
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
