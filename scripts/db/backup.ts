import { spawn } from "node:child_process";
import pg from "pg";

/**
 * Backups with PostgreSQL's own tools: pg_dump's custom format (compressed,
 * restorable table by table) and pg_restore. They need the client tools on
 * PATH (Debian: postgresql-client), at least as new as the server.
 */

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "pipe"] });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("error", (error) => reject(new Error(`${command} could not start (${error.message}); install PostgreSQL's client tools`)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed: ${errors.trim() || `exit ${code}`}`))));
  });
}

export async function backupDatabase(databaseUrl: string, file: string): Promise<void> {
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${databaseUrl}`]);
}

async function tableCount(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'",
    );
    return Number(rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * Restores a backup. Into an empty database by default; `replace` drops and
 * recreates what the backup contains, so it never merges two states silently.
 */
export async function restoreDatabase(databaseUrl: string, file: string, options: { replace?: boolean } = {}): Promise<void> {
  if (!options.replace && (await tableCount(databaseUrl)) > 0) {
    throw new Error("the target database is not empty; pass --replace to overwrite it with the backup");
  }
  const args = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${databaseUrl}`];
  if (options.replace) args.push("--clean", "--if-exists");
  await run("pg_restore", [...args, file]);
}
