// Which request a render of Next.js's full-route cache belongs to, for
// cache-handler.mjs and start.mjs: the revalidation clock its first cache
// lookup saw (what it stores is stamped with that: route-cache.mjs), and
// whether a request must wait before it enters Next.js.
//
// Next.js hands one render to every request for the same page that arrives
// while it runs. So a request that arrives after a revalidation of its page
// must not enter Next.js while a render of that page that looked the cache up
// before the revalidation is still running: it waits for that render to end
// (it would have waited for it anyway), then gets a render of its own.
import { AsyncLocalStorage } from "node:async_hooks";
import { routeRequestsSlot } from "./names.mjs";

/**
 * @typedef {{
 *   path: string,
 *   reads: boolean,
 *   clock?: number,
 *   invalidated: Set<string>,
 *   lookedUpAt?: number,
 *   rendered?: () => void,
 *   over?: Promise<void>,
 * }} RequestScope
 * `reads`: a GET or HEAD, whose answer Next.js may render into the cache.
 * `invalidated`: tags this request revalidated itself (lib/revalidate.ts), after its last change.
 * `rendered`: set while its lookup missed and Next.js renders the entry; called when it is stored.
 * `over`: settles when Next.js is done with the request, or when the reader has gone and no render
 * of it is running (Next.js never settles a request whose reader went away).
 */

/**
 * @typedef {{ scope: AsyncLocalStorage<RequestScope>, underWay: Map<string, Set<RequestScope>>, revalidatedAt: Map<string, number>, everythingAt: number, tick: number }} RequestRegistry
 * `underWay`: per path, the requests that looked the cache up and are not over; `revalidatedAt`:
 * per path, the tick of its last revalidation while such requests were under way; `tick` orders both.
 */

/** One per process, whoever loads this file first. */
const requests = routeRequestsSlot.ensure(() => ({
  scope: new AsyncLocalStorage(),
  underWay: new Map(),
  revalidatedAt: new Map(),
  everythingAt: 0,
  tick: 0,
}));
/** A request waits no longer than this for a render from before a revalidation. */
const WAIT_LIMIT_MS = 10_000;

/** The page a request asks for, as revalidation names it: decoded, no query, no trailing slash. @param {string} url */
export function pathOf(url) {
  const raw = url.split("?")[0] || "/";
  let path = raw;
  try {
    path = decodeURI(raw);
  } catch {
    // A malformed escape names no page of ours.
  }
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

/** @param {string} path */
function rendersFromBeforeRevalidation(path) {
  const scopes = requests.underWay.get(path);
  if (!scopes) return [];
  const revalidated = Math.max(requests.revalidatedAt.get(path) ?? 0, requests.everythingAt);
  return [...scopes].filter((scope) => /** @type {number} */ (scope.lookedUpAt) < revalidated).map((scope) => scope.over);
}

/** @param {readonly (Promise<void> | undefined)[]} renders */
async function waitFor(renders) {
  let timer;
  const over = await Promise.race([
    Promise.all(renders).then(() => true),
    new Promise((resolve) => (timer = setTimeout(() => resolve(false), WAIT_LIMIT_MS))),
  ]);
  clearTimeout(timer);
  if (!over) console.error(`route cache: a render from before a revalidation was still running after ${WAIT_LIMIT_MS / 1000} s`);
}

/**
 * Runs one request's handling by Next.js (start.mjs wraps each one): after
 * any render of its page from before a revalidation, with what it stores
 * stamped by the clock its first cache lookup saw.
 * @template T
 * @param {Pick<import("node:http").IncomingMessage, "url" | "method">} request
 * @param {Pick<import("node:http").ServerResponse, "once">} response
 * @param {() => T} handle
 * @returns {T | Promise<T>}
 */
export function inRequestScope(request, response, handle) {
  /** @type {RequestScope} */
  const scope = { path: pathOf(request.url ?? "/"), reads: request.method === "GET" || request.method === "HEAD", invalidated: new Set() };
  const closed = new Promise((resolve) => response.once("close", resolve));
  const run = () => {
    const answered = requests.scope.run(scope, handle);
    const settled = Promise.resolve(answered).then(
      () => undefined,
      () => undefined,
    );
    const gone = closed.then(() => (scope.rendered ? new Promise((resolve) => (scope.rendered = () => resolve(undefined))) : undefined));
    scope.over = Promise.race([settled, gone]).then(() => undefined);
    return answered;
  };
  const earlier = scope.reads ? rendersFromBeforeRevalidation(scope.path) : [];
  return earlier.length === 0 ? run() : waitFor(earlier).then(run);
}

/**
 * A cache lookup in this request saw the clock at `clock`; on a miss (`hit`
 * false) a render follows.
 * @param {number} clock @param {boolean} hit
 */
export function noteLookup(clock, hit) {
  const scope = requests.scope.getStore();
  if (!scope) return;
  if (scope.clock === undefined || clock < scope.clock) scope.clock = clock;
  if (!hit) scope.rendered ??= () => {};
  if (!scope.reads || scope.lookedUpAt !== undefined || !scope.over) return;
  scope.lookedUpAt = ++requests.tick;
  const { path } = scope;
  const scopes = requests.underWay.get(path) ?? new Set();
  requests.underWay.set(path, scopes.add(scope));
  void scope.over.then(() => {
    scopes.delete(scope);
    if (scopes.size > 0 || requests.underWay.get(path) !== scopes) return;
    requests.underWay.delete(path);
    requests.revalidatedAt.delete(path);
  });
}

/**
 * This request's render is over: the stamp for what it stores, 0 (older than any revalidation) when
 * it has none.
 */
export function renderDone() {
  const scope = requests.scope.getStore();
  const rendered = scope?.rendered;
  if (scope) scope.rendered = undefined;
  rendered?.();
  return scope?.clock ?? 0;
}

/**
 * These paths were revalidated (on this instance's side: page-cache.mjs calls
 * this for every purge, its own and other instances'): requests for them
 * from now on wait for renders that looked the cache up before.
 * @param {import("./names.mjs").Paths} paths
 */
export function noteRevalidated(paths) {
  const at = ++requests.tick;
  if (paths === "all") {
    requests.everythingAt = at;
    return;
  }
  for (const path of paths) if (requests.underWay.has(path)) requests.revalidatedAt.set(path, at);
}

/**
 * Tags this request revalidates itself right after its change (lib/revalidate.ts): Next.js's own
 * revalidation of them when the request finishes has nothing left to do.
 * @param {readonly string[]} tags @returns {string[]} those not already revalidated by this request
 */
export function notYetInvalidatedHere(tags) {
  const scope = requests.scope.getStore();
  return scope ? tags.filter((tag) => !scope.invalidated.has(tag)) : [...tags];
}

/** @param {readonly string[]} tags */
export function noteInvalidatedHere(tags) {
  const scope = requests.scope.getStore();
  for (const tag of tags) scope?.invalidated.add(tag);
}

