import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freePort } from "../support/free-port";

/**
 * The newcomer's path, end to end: `npm run dev` with no DATABASE_URL starts
 * an embedded PostgreSQL (as root here, which PostgreSQL itself refuses),
 * migrates and seeds it, prints the admin's credentials and serves the seeded
 * story; the printed admin can sign in.
 */

const root = path.resolve(import.meta.dirname, "../..");
const fixturePath = "/articles/isis-buries-alive-dozens-of-defectors-who-fled-iraq-battlefield-reports";

let dev: ChildProcess;
let output = "";
let baseUrl: string;
let dataDir: string;
let credentials: { email: string; password: string };

function waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const match = output.match(pattern);
      if (match) {
        clearInterval(timer);
        resolve(match);
      } else if (dev.exitCode !== null || Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`gave up waiting for ${pattern}; output so far:\n${output.slice(-3000)}`));
      }
    }, 200);
  });
}

/** Cookies as a browser would keep them across the sign-in round trips. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (name) this.cookies.set(name.trim(), value.join("="));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "newsroom-newcomer-"));
  // The unprivileged postgres user must be able to reach its data directory.
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), NEWSROOM_DATA_DIR: dataDir };
  for (const name of ["DATABASE_URL", "AUTH_SECRET", "ADMIN_EMAIL", "ADMIN_PASSWORD", "SEED_DEMO", "NODE_ENV"]) delete env[name];
  baseUrl = `http://localhost:${port}`;
  dev = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts"], { cwd: root, env, detached: true });
  dev.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const [, email, password] = await waitFor(/sign in at \S+ as (\S+) with password (\S+)/, 120_000);
  credentials = { email: email!, password: password! };
  await waitFor(/ready on http/, 60_000);
}, 200_000);

afterAll(async () => {
  if (dev?.pid && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.once("exit", resolve));
    process.kill(dev.pid, "SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    try {
      process.kill(-dev.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

describe("npm run dev on a machine without a database", () => {
  test("runs a PostgreSQL of its own under the data directory", () => {
    expect(output).toMatch(/no DATABASE_URL: starting embedded PostgreSQL/);
    expect(existsSync(path.join(dataDir, "postgres", "PG_VERSION"))).toBe(true);
  });

  test("serves the seeded story", async () => {
    const response = await fetch(baseUrl + fixturePath);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("ISIS buries alive dozens of defectors who fled Iraq battlefield – reports");
    expect(html).toContain("Reports differ");
  }, 120_000);

  test("the printed admin can sign in and reach the dashboard", async () => {
    const jar = new CookieJar();
    const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
    jar.take(csrfResponse);
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };

    const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header() },
      body: new URLSearchParams({ csrfToken, email: credentials.email, password: credentials.password, callbackUrl: `${baseUrl}/dashboard` }),
    });
    jar.take(signIn);
    expect(signIn.headers.get("location")).toBe(`${baseUrl}/dashboard`);

    const dashboard = await fetch(`${baseUrl}/dashboard`, { headers: { Cookie: jar.header() }, redirect: "manual" });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain("Site Admin");
  }, 120_000);
});
