// Every environment variable Newsroom reads, parsed with zod in one place: by
// the app (lib/env.ts), by start.mjs before Next.js loads, and by
// cache-handler.mjs, which Next.js loads itself. README, "Configuration",
// lists them. Plain JavaScript so that start.mjs can import it under `node`.
// zod is imported directly, not through lib/zod.ts: that file exists for the
// browser, and nothing here reaches one.
import { z } from "zod";

const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((value) => value === "1" || value === "true");

const postgresUrl = z
  .string({ error: "is required" })
  .min(1, "is required")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgresql:" || url.protocol === "postgres:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must be a postgresql://user:password@host:port/database URL");

const portMessage = "must be a port number (1–65535)";

const variables = {
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Set by Next.js; `next build` signs nothing and serves nothing. */
  NEXT_PHASE: z.string().optional(),
  PORT: z.coerce.number({ error: portMessage }).int(portMessage).min(1, portMessage).max(65535, portMessage).default(3000),
  /** The address start.mjs listens on; the in-process scheduler calls the app there. */
  HOST: z.string().trim().min(1).optional(),
  TRUST_PROXY: flag,
  /** Optional: shared cache and rate limits across several app instances. */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// URL" }).optional(),
  /** Names this deployment's keys and channels in a Redis it may share with others. */
  CACHE_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, "must be 1–64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit")
    .default("newsroom"),
  /** How long start.mjs replays a copy of an anonymous public page (purged on revalidation anyway); 0 = off. */
  PAGE_CACHE_SECONDS: z.coerce.number({ error: "must be a number of seconds" }).int("must be a whole number of seconds").min(0).max(3600).default(60),
  DATABASE_URL: postgresUrl,
  AUTH_SECRET: z.string().optional(),
  /** Public origin used in feeds, sitemaps and canonical URLs. */
  SITE_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  ADMIN_EMAIL: z.email({ error: "must be an email address" }).optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  SEED_DEMO: flag,
  /** Where uploaded images are stored by the local-disk driver. */
  UPLOAD_DIR: z.string().min(1).default(".data/uploads"),
};

const environmentSchema = z
  .object(variables)
  .superRefine((value, ctx) => {
    const secret = value.AUTH_SECRET ?? "";
    const serving = value.NODE_ENV === "production" && value.NEXT_PHASE !== "phase-production-build";
    if (serving && secret.length === 0) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production" });
    } else if (secret.length > 0 && secret.length < 32) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "must be at least 32 characters" });
    }
  });

/** Only what the route cache needs: Next.js loads it in processes start.mjs never ran in (`next build`). */
const routeCacheSchema = z.object({
  NEXT_PHASE: variables.NEXT_PHASE,
  REDIS_URL: variables.REDIS_URL,
  CACHE_KEY_PREFIX: variables.CACHE_KEY_PREFIX,
});

/** @typedef {z.output<typeof environmentSchema> & { AUTH_SECRET: string, SITE_URL: string }} Env */

/** A variable that is missing or malformed; the message is one line naming it. */
export class EnvError extends Error {
  /** @param {string} variable @param {string} detail */
  constructor(variable, detail) {
    super(`${variable} ${detail}`);
    this.name = "EnvError";
    /** @readonly */
    this.variable = variable;
  }
}

/**
 * @template {z.ZodType} S
 * @param {S} schema
 * @param {Record<string, string | undefined>} source
 * @returns {z.output<S>}
 */
function parseWith(schema, source) {
  // An empty string is "not set" for optional variables.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new EnvError(String(issue?.path[0] ?? "environment"), issue?.message ?? "is invalid");
  }
  return result.data;
}

/**
 * Parses the whole environment; throws EnvError naming the first bad variable.
 * @param {Record<string, string | undefined>} source
 * @returns {Env}
 */
export function parseEnv(source) {
  const parsed = parseWith(environmentSchema, source);
  return {
    ...parsed,
    // Development and tests get a fixed, clearly non-production secret.
    AUTH_SECRET: parsed.AUTH_SECRET ?? "development-only-secret-do-not-use-in-production",
    SITE_URL: (parsed.SITE_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, ""),
  };
}

/**
 * The route cache's settings alone (cache-handler.mjs).
 * @param {Record<string, string | undefined>} source
 */
export function parseRouteCacheSettings(source) {
  return parseWith(routeCacheSchema, source);
}

/**
 * Stops the process with one line, before it serves anybody (start.mjs, lib/startup.ts).
 * @param {string} reason
 * @returns {never}
 */
export function stopWithConfigurationError(reason) {
  console.error(`Configuration error: ${reason}`);
  process.exit(1);
}
