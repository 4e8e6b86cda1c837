import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./db/embedded";
import { applyMigrations } from "./db/migrate";
import { DevUsageError, parseDevOptions } from "./dev-options";

/**
 * `npm run dev`. With DATABASE_URL set, it migrates and seeds that database;
 * without, it first starts a real PostgreSQL embedded under .data/ (nothing to
 * install). Either way it seeds the demo content, prints how to sign in and
 * runs the development server (server/start.mjs --dev) on --port/-p, PORT or 3000.
 * Generated secrets are kept in .data/dev.json so that sessions and the demo
 * password survive restarts.
 */

const root = path.resolve(import.meta.dirname, "..");
// NEWSROOM_DATA_DIR moves it elsewhere (tests use a temporary directory).
const dataDir = path.resolve(process.env.NEWSROOM_DATA_DIR ?? path.join(root, ".data"));
const say = (line: string) => console.log(`\x1b[36mnewsroom\x1b[0m ${line}`);

interface DevState {
  databasePassword: string;
  authSecret: string;
  adminPassword: string;
}

async function loadState(): Promise<DevState> {
  const file = path.join(dataDir, "dev.json");
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as DevState;
  const state: DevState = {
    databasePassword: randomBytes(18).toString("base64url"),
    authSecret: randomBytes(32).toString("base64url"),
    adminPassword: randomBytes(9).toString("base64url"),
  };
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(state, null, 2), { mode: 0o600 });
  return state;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const { port } = parseDevOptions(process.argv.slice(2), process.env);
  const state = await loadState();
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const databasePort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    const postgresDir = path.join(dataDir, "postgres");
    say(`no DATABASE_URL: starting embedded PostgreSQL on 127.0.0.1:${databasePort} (data in ${path.relative(process.cwd(), postgresDir)})`);
    embedded = await startEmbeddedDatabase({
      dataDir: postgresDir,
      port: databasePort,
      password: state.databasePassword,
      database: "newsroom",
      log: say,
    });
    databaseUrl = embedded.url;
  }

  const adminEmail = process.env.ADMIN_EMAIL ?? "admin@newsroom.example";
  const adminPassword = process.env.ADMIN_PASSWORD ?? state.adminPassword;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? state.authSecret,
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    SEED_DEMO: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  const running: { next?: ChildProcess } = {};
  const shutdown = async (code: number) => {
    running.next?.kill("SIGTERM");
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const { applied } = await applyMigrations(databaseUrl);
    say(applied.length ? `applied ${applied.length} migration(s)` : "database schema is up to date");
    await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"], env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }

  say(`sign in at http://localhost:${port}/login as ${adminEmail} with password ${adminPassword}`);
  say("demo staff editor@ / writer@ / moderator@newsroom.example share that password");
  const next = spawn(process.execPath, ["server/start.mjs", "--dev"], { cwd: root, env: { ...env, PORT: String(port) }, stdio: "inherit" });
  running.next = next;
  next.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof DevUsageError ? 2 : 1);
});
