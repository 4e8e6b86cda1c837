import { z } from "@/lib/zod";

/**
 * The environment, parsed once with zod. Nothing else in the app reads
 * process.env: it imports `env` from here.
 *
 * Parsing is lazy (first property read) so that `next build` can import
 * modules without production secrets; `assertEnv()` runs the check eagerly at
 * server start (instrumentation.ts) so a bad value stops start-up with one line.
 */

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

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** Set by Next.js; `next build` signs nothing, so it needs no AUTH_SECRET. */
    NEXT_PHASE: z.string().optional(),
    DATABASE_URL: postgresUrl,
    AUTH_SECRET: z.string().optional(),
    PORT: z.coerce.number({ error: portMessage }).int(portMessage).min(1, portMessage).max(65535, portMessage).default(3000),
    /** The address server.mjs listens on; the in-process scheduler calls the app there. */
    HOST: z.string().trim().min(1).optional(),
    /** Public origin used in feeds, sitemaps and canonical URLs. */
    SITE_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    ADMIN_EMAIL: z.email({ error: "must be an email address" }).optional(),
    ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
    SEED_DEMO: flag,
    TRUST_PROXY: flag,
    /** Optional: shared cache and rate limits across several app instances. */
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// URL" }).optional(),
    /** How long server.mjs replays a copy of an anonymous public page (purged on revalidation anyway); 0 = off. */
    PAGE_CACHE_SECONDS: z.coerce.number({ error: "must be a number of seconds" }).int("must be a whole number of seconds").min(0).max(3600).default(60),
    /** Where uploaded images are stored by the local-disk driver. */
    UPLOAD_DIR: z.string().min(1).default(".data/uploads"),
  })
  .superRefine((value, ctx) => {
    const secret = value.AUTH_SECRET ?? "";
    const serving = value.NODE_ENV === "production" && value.NEXT_PHASE !== "phase-production-build";
    if (serving && secret.length === 0) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production" });
    } else if (secret.length > 0 && secret.length < 32) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "must be at least 32 characters" });
    }
  });

export type Env = z.output<typeof schema> & { AUTH_SECRET: string; SITE_URL: string };

export class EnvError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`${variable} ${detail}`);
    this.name = "EnvError";
  }
}

/** Parses an environment; throws EnvError naming the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty string is "not set" for optional variables.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? "environment");
    throw new EnvError(variable, issue?.message ?? "is invalid");
  }
  const parsed = result.data;
  return {
    ...parsed,
    // Development and tests get a fixed, clearly non-production secret.
    AUTH_SECRET: parsed.AUTH_SECRET ?? "development-only-secret-do-not-use-in-production",
    SITE_URL: (parsed.SITE_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, ""),
  };
}

let cached: Env | undefined;

function load(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Parses now and reports a bad variable as one line; used at server start. */
export function assertEnv(): Env {
  return load();
}

export const env: Env = new Proxy({} as Env, {
  get(_target, property: string) {
    return load()[property as keyof Env];
  },
});
