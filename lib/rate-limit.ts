import "server-only";
import { createHmac } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Rate limits that hold across every app instance, through rate-limiter-flexible:
 * counters live in Redis when REDIS_URL is set, else in PostgreSQL's
 * `rate_limits` table (created by our migrations, hence `tableCreated`).
 * Keys are keyed hashes, so the table never holds an address or an email.
 */

export type Bucket = "comment-ip" | "comment-email" | "report-ip" | "sign-in-account" | "sign-in-ip";

export interface LimitCheck {
  bucket: Bucket;
  /** What is being counted (an IP hash, an email); hashed again before storage. */
  subject: string;
  points: number;
  durationSeconds: number;
}

interface Stores {
  pool?: pg.Pool;
  redis?: Redis;
  limiters: Map<string, RateLimiterAbstract>;
}

const globalStores = globalThis as unknown as { newsroomRateLimitStores?: Stores };

function stores(): Stores {
  globalStores.newsroomRateLimitStores ??= { limiters: new Map() };
  return globalStores.newsroomRateLimitStores;
}

function limiterFor(check: LimitCheck): RateLimiterAbstract {
  const state = stores();
  const id = `${check.bucket}/${check.points}/${check.durationSeconds}`;
  const existing = state.limiters.get(id);
  if (existing) return existing;

  const common = { keyPrefix: check.bucket, points: check.points, duration: check.durationSeconds };
  let limiter: RateLimiterAbstract;
  if (env.REDIS_URL) {
    state.redis ??= new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
    limiter = new RateLimiterRedis({ ...common, storeClient: state.redis });
  } else {
    // A small pool of its own: the Prisma client's pool is inside its adapter.
    state.pool ??= new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: 10,
      connectionTimeoutMillis: 3_000,
      idleTimeoutMillis: 30_000,
      allowExitOnIdle: true,
    });
    limiter = new RateLimiterPostgres({ ...common, storeClient: state.pool, storeType: "pool", tableName: "rate_limits", tableCreated: true });
  }
  state.limiters.set(id, limiter);
  return limiter;
}

function storageKey(bucket: Bucket, subject: string): string {
  return createHmac("sha256", env.AUTH_SECRET).update(`rate:${bucket}:${subject}`).digest("base64url").slice(0, 32);
}

/**
 * Counts one attempt against every check. When any limit is exhausted it
 * throws 429 `rate_limited` with the seconds until the longest wait is over.
 */
export async function consumeLimits(checks: readonly LimitCheck[], message: string): Promise<void> {
  const results = await Promise.allSettled(checks.map((check) => limiterFor(check).consume(storageKey(check.bucket, check.subject))));
  let waitMs = 0;
  for (const result of results) {
    if (result.status === "fulfilled") continue;
    // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, with an Error when its store failed.
    if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
    waitMs = Math.max(waitMs, result.reason.msBeforeNext);
  }
  if (waitMs > 0 || results.some((result) => result.status === "rejected")) {
    throw new AppError("rate_limited", message, undefined, Math.max(1, Math.ceil(waitMs / 1000)));
  }
}

/**
 * Failure counting, for limits that only failed attempts use up (staff
 * sign-in): `secondsUntilAllowed` asks without counting, `countFailure`
 * counts one failed attempt, `forgetFailures` clears a subject after success.
 */
export async function secondsUntilAllowed(checks: readonly LimitCheck[]): Promise<number> {
  const states = await Promise.all(checks.map((check) => limiterFor(check).get(storageKey(check.bucket, check.subject))));
  let waitMs = 0;
  checks.forEach((check, index) => {
    const state = states[index];
    if (state && state.consumedPoints >= check.points) waitMs = Math.max(waitMs, state.msBeforeNext);
  });
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
}

export async function countFailure(checks: readonly LimitCheck[]): Promise<void> {
  // penalty() adds a point without refusing, so going over the limit is not an error here.
  await Promise.all(checks.map((check) => limiterFor(check).penalty(storageKey(check.bucket, check.subject), 1)));
}

export async function forgetFailures(check: LimitCheck): Promise<void> {
  await limiterFor(check).delete(storageKey(check.bucket, check.subject));
}
