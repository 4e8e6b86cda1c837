// Load run of the public article page (warm, from Next's full-route cache):
//
//   npm run build && PORT=3411 npm start        # in one shell, against a seeded database
//   node bench/article-page.mjs [url] [seconds] [connections]
//
// Defaults: the demo seed's story on http://127.0.0.1:3411, 20 s, 50 connections.
// Only loopback addresses are accepted: this is a local measurement, bounded in time.
import os from "node:os";
import autocannon from "autocannon";

const [
  url = "http://127.0.0.1:3411/articles/isis-buries-alive-dozens-of-defectors-who-fled-iraq-battlefield-reports",
  seconds = "20",
  connections = "50",
] = process.argv.slice(2);

const target = new URL(url);
if (!["127.0.0.1", "localhost", "[::1]"].includes(target.hostname)) {
  console.error(`refusing to load ${target.hostname}: point the bench at a server on this machine`);
  process.exit(1);
}

/** @param {Record<string, unknown>} options */
const run = (options) => new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));

// Warm-up: the first request renders the page into the cache; the rest warm the process.
await run({ url, connections: 4, duration: 3 });
/** @type {any} */
const result = await run({ url, connections: Number(connections), duration: Number(seconds) });

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const line = [
  `${Math.round(result.requests.average)} req/s`,
  `p50 ${result.latency.p50} ms`,
  `p99 ${result.latency.p99} ms`,
  `${result.non2xx} non-2xx`,
  `${result.errors} errors`,
  `${connections} connections, ${seconds} s`,
  `${os.cpus().length} × ${cpu}`,
].join(" · ");
console.log(`${target.pathname}\n${line}`);
