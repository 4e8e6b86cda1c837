import { describe, expect, test } from "vitest";
import { EnvError, parseEnv, parseRouteCacheSettings } from "@/server/environment.mjs";

const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/newsroom" };
const secret = "s".repeat(32);

function variableNamedBy(source: Record<string, string | undefined>): string | null {
  try {
    parseEnv(source);
    return null;
  } catch (error) {
    if (error instanceof EnvError) return error.variable;
    throw error;
  }
}

describe("parseEnv", () => {
  test.each([
    ["missing DATABASE_URL", {}, "DATABASE_URL"],
    ["DATABASE_URL that is not a URL", { DATABASE_URL: "localhost:5432" }, "DATABASE_URL"],
    ["DATABASE_URL for another database", { DATABASE_URL: "mysql://root@localhost/db" }, "DATABASE_URL"],
    ["AUTH_SECRET missing in production", { ...base, NODE_ENV: "production" }, "AUTH_SECRET"],
    ["AUTH_SECRET too short", { ...base, AUTH_SECRET: "short" }, "AUTH_SECRET"],
    ["PORT out of range", { ...base, PORT: "70000" }, "PORT"],
    ["ADMIN_EMAIL malformed", { ...base, ADMIN_EMAIL: "admin" }, "ADMIN_EMAIL"],
    ["ADMIN_PASSWORD too short", { ...base, ADMIN_PASSWORD: "short" }, "ADMIN_PASSWORD"],
    ["TRUST_PROXY not a flag", { ...base, TRUST_PROXY: "yes" }, "TRUST_PROXY"],
    ["CACHE_KEY_PREFIX with a space", { ...base, CACHE_KEY_PREFIX: "news room" }, "CACHE_KEY_PREFIX"],
    ["CACHE_KEY_PREFIX that is a Redis pattern", { ...base, CACHE_KEY_PREFIX: "*" }, "CACHE_KEY_PREFIX"],
    ["PAGE_CACHE_SECONDS not a number", { ...base, PAGE_CACHE_SECONDS: "a minute" }, "PAGE_CACHE_SECONDS"],
  ])("%s names the variable", (_label, source, variable) => {
    expect(variableNamedBy(source)).toBe(variable);
  });

  test("the error message is one line naming the variable", () => {
    expect(() => parseEnv({ ...base, NODE_ENV: "production" })).toThrow(/^AUTH_SECRET is required in production$/);
  });

  test("a production build needs no AUTH_SECRET, a production server does", () => {
    expect(variableNamedBy({ ...base, NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).toBeNull();
    expect(variableNamedBy({ ...base, NODE_ENV: "production", NEXT_PHASE: "phase-production-server" })).toBe("AUTH_SECRET");
  });

  test("defaults fill what is optional", () => {
    const env = parseEnv({ ...base, AUTH_SECRET: secret });
    expect(env.PORT).toBe(3000);
    expect(env.SITE_URL).toBe("http://localhost:3000");
    expect(env.TRUST_PROXY).toBe(false);
    expect(env.SEED_DEMO).toBe(false);
    expect(env.CACHE_KEY_PREFIX).toBe("newsroom");
    expect(env.PAGE_CACHE_SECONDS).toBe(60);
  });

  test("flags and empty strings", () => {
    const env = parseEnv({ ...base, SEED_DEMO: "1", TRUST_PROXY: "true", ADMIN_EMAIL: "", SITE_URL: "https://news.example/" });
    expect(env.SEED_DEMO).toBe(true);
    expect(env.TRUST_PROXY).toBe(true);
    expect(env.ADMIN_EMAIL).toBeUndefined();
    expect(env.SITE_URL).toBe("https://news.example");
  });
});

describe("parseRouteCacheSettings", () => {
  test("reads the route cache's variables by the same rules, without needing the rest", () => {
    expect(parseRouteCacheSettings({ REDIS_URL: "redis://127.0.0.1:6379", CACHE_KEY_PREFIX: "site-a" })).toEqual({
      REDIS_URL: "redis://127.0.0.1:6379",
      CACHE_KEY_PREFIX: "site-a",
    });
    expect(parseRouteCacheSettings({}).CACHE_KEY_PREFIX).toBe("newsroom");
    expect(() => parseRouteCacheSettings({ CACHE_KEY_PREFIX: "site a" })).toThrow(/^CACHE_KEY_PREFIX must be/);
  });
});
