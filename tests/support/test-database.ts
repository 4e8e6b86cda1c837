import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "../../scripts/db/migrate";

/**
 * Every test run gets a database of its own, created on a local PostgreSQL
 * and dropped afterwards. The server comes from DATABASE_URL when set (it must
 * be local: tests create and drop databases) or PostgreSQL's default socket
 * on 127.0.0.1:5432.
 */

const localHosts = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

export function assertLocalDatabaseUrl(url: string): URL {
  const parsed = new URL(url);
  if (!localHosts.has(parsed.hostname)) {
    throw new Error(`refusing to run tests against a non-local database (${parsed.hostname}); unset DATABASE_URL or point it at localhost`);
  }
  return parsed;
}

function serverUrl(database: string): string {
  const url = assertLocalDatabaseUrl(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/${database}`;
  return url.toString();
}

export interface TestDatabase {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl("postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(purpose: string, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `newsroom_test_${purpose}_${randomBytes(4).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = serverUrl(name);
  if (options.migrate ?? true) await applyMigrations(url);
  return {
    url,
    name,
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
