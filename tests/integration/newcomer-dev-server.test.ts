import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freePort } from "../support/free-port";

/**
 * The newcomer's path, end to end, where it is hardest: `npm run dev -- --port N`
 * in a fresh clone under a private directory (mode 0700, as root's home is),
 * with no DATABASE_URL. Run as root (as here and in CI), PostgreSQL must run
 * as another OS user, which cannot enter that directory. The dev server must
 * still start its own PostgreSQL, migrate and seed it, print the admin's
 * credentials and serve the seeded story on the port asked for; the printed
 * admin can sign in. `npm run build` there, without a database, says so in one line.
 *
 * The clone is the working tree's files; node_modules is hard-linked into it
 * (a real install takes minutes), so PostgreSQL's binaries sit in the clone's
 * own node_modules, out of that user's reach, as after `npm install`.
 */

const root = path.resolve(import.meta.dirname, "../..");
const fixturePath = "/articles/isis-buries-alive-dozens-of-defectors-who-fled-iraq-battlefield-reports";

let dev: ChildProcess;
let output = "";
let baseUrl: string;
let privateParent: string;
let clone: string;
/** The newcomer's environment: no database, no secrets. */
let newcomerEnv: NodeJS.ProcessEnv;
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

/** What `git clone` of the working tree would give, uncommitted changes included, plus an installed node_modules. */
function cloneInto(target: string): void {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" });
  for (const file of files.split("\0").filter(Boolean)) {
    if (!existsSync(path.join(root, file))) continue; // deleted but not yet committed
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(target, file));
  }
  // What `npm install` leaves behind: the packages and the Prisma client its postinstall generates.
  execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(target, "node_modules")]);
  cpSync(path.join(root, "lib/generated"), path.join(target, "lib/generated"), { recursive: true });
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
  privateParent = mkdtempSync(path.join(tmpdir(), "newsroom-private-"));
  chmodSync(privateParent, 0o700);
  clone = path.join(privateParent, "newsroom");
  cloneInto(clone);

  const port = await freePort();
  newcomerEnv = { ...process.env };
  for (const name of ["DATABASE_URL", "AUTH_SECRET", "ADMIN_EMAIL", "ADMIN_PASSWORD", "SEED_DEMO", "NODE_ENV", "NEWSROOM_DATA_DIR", "REDIS_URL"]) {
    delete newcomerEnv[name];
  }
  const env: NodeJS.ProcessEnv = {
    ...newcomerEnv,
    EMBEDDED_PG_PORT: String(await freePort()),
    // A PORT of its own proves that --port wins over it (and keeps a run that ignored --port off port 3000).
    PORT: String(await freePort()),
  };
  baseUrl = `http://localhost:${port}`;
  dev = spawn("npm", ["run", "dev", "--", "--port", String(port)], { cwd: clone, env, detached: true });
  dev.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const [, email, password] = await waitFor(/sign in at \S+ as (\S+) with password (\S+)/, 150_000);
  credentials = { email: email!, password: password! };
  await waitFor(new RegExp(`ready on http://localhost:${port}\\b`), 60_000);
}, 240_000);

afterAll(async () => {
  if (dev?.pid && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.once("exit", resolve));
    process.kill(-dev.pid, "SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    try {
      process.kill(-dev.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  // As root the data lives outside the clone, where .data/postgres links to.
  const postgresDir = path.join(clone, ".data", "postgres");
  if (existsSync(postgresDir) && lstatSync(postgresDir).isSymbolicLink()) rmSync(readlinkSync(postgresDir), { recursive: true, force: true });
  rmSync(privateParent, { recursive: true, force: true });
}, 40_000);

describe("a newcomer's clone under a private directory, without a database", () => {
  test("runs a PostgreSQL of its own, its data reachable as .data/postgres", () => {
    expect(output).toMatch(/no DATABASE_URL: starting embedded PostgreSQL/);
    expect(existsSync(path.join(clone, ".data", "postgres", "PG_VERSION"))).toBe(true);
  });

  test("serves the seeded story on the port asked for", async () => {
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

  test("npm run build without DATABASE_URL stops with one line naming it, before compiling anything", () => {
    const build = spawnSync("npm", ["run", "build"], { cwd: clone, env: newcomerEnv, encoding: "utf8", timeout: 180_000 });
    expect(build.status).not.toBe(0);
    expect(build.stderr).toContain("Configuration error: DATABASE_URL is required");
    expect(build.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(build.stdout).not.toContain("Creating an optimized production build");
  }, 200_000);
});
