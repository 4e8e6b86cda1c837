import { parseEnv, type Env } from "@/server/environment.mjs";

/**
 * The environment, parsed once (server/environment.mjs holds the schema, which
 * the server in front of Next.js shares). Nothing else in the app reads
 * process.env: it imports `env` from here.
 *
 * Parsing is lazy (first property read) so that `next build` can import
 * modules without production secrets; `assertEnv()` runs the check eagerly at
 * server start (instrumentation.ts) so a bad value stops start-up with one line.
 */

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
