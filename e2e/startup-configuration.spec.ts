import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { freePort } from "../tests/support/free-port";

/**
 * A misconfigured production server must stop at once with one line naming
 * the variable, not start and fail on its first visitor. These start the
 * built app (server/start.mjs, as `npm start` does) with a broken environment.
 */

async function startServer(overrides: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const port = String(await freePort());
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: port, HOST: "127.0.0.1" };
    for (const [name, value] of Object.entries(overrides)) {
      if (value === undefined) delete env[name];
      else env[name] = value;
    }
    const child = spawn(process.execPath, ["server/start.mjs"], { env });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const errorLines = (output: string) => output.split("\n").filter((line) => line.startsWith("Configuration error"));

test.describe("start-up configuration checks", () => {
  test("a missing AUTH_SECRET stops the server with one line naming it", async () => {
    const { code, output } = await startServer({ AUTH_SECRET: undefined });
    expect(code).toBe(1);
    expect(errorLines(output)).toEqual(["Configuration error: AUTH_SECRET is required in production"]);
  });

  test("a malformed DATABASE_URL stops the server with one line naming it", async () => {
    const { code, output } = await startServer({ DATABASE_URL: "localhost:5432/newsroom" });
    expect(code).toBe(1);
    expect(errorLines(output)).toEqual(["Configuration error: DATABASE_URL must be a postgresql://user:password@host:port/database URL"]);
  });

  test("a malformed CACHE_KEY_PREFIX stops the server with one line naming it", async () => {
    const { code, output } = await startServer({ CACHE_KEY_PREFIX: "news room" });
    expect(code).toBe(1);
    expect(errorLines(output)).toEqual([
      "Configuration error: CACHE_KEY_PREFIX must be 1–64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit",
    ]);
  });

  test("a DATABASE_URL pointing at no database stops the server with one line naming it", async () => {
    const { code, output } = await startServer({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/newsroom" });
    expect(code).toBe(1);
    const lines = errorLines(output);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: DATABASE_URL points at a database we cannot use: .*ECONNREFUSED/);
  });
});
