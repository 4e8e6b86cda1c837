import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "./migrate";
import { diffWithPrisma6 } from "./prisma-cli";

/**
 * How far the committed migrations are from prisma/schema.prisma: the SQL that
 * would bring them in line (empty when they agree). The migrations are applied
 * by the one runner (scripts/db/migrate.ts) to a scratch database created for
 * the purpose, on the server of PRISMA_MIGRATE_ADMIN_URL, and dropped
 * afterwards; Prisma 6.19.3's `migrate diff` compares it with the schema. The
 * app's database is never touched.
 */

const SCHEMA_PATH = path.resolve("prisma/schema.prisma");

const adminUrl = () => process.env.PRISMA_MIGRATE_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<unparseable URL>";
  }
}

async function asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot connect to PostgreSQL: ${reason}\n(admin connection: ${redacted(adminUrl())}; set PRISMA_MIGRATE_ADMIN_URL to a role that may CREATE DATABASE)`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Prisma cannot model `GENERATED ALWAYS AS (...) STORED` columns: 6.19.3 reads
 * the generation expression as a column default, so `search
 * Unsupported("tsvector")?` would always show up as drift (`ALTER COLUMN
 * "search" DROP DEFAULT`, which PostgreSQL rejects for a generated column).
 * The scratch database is throwaway: such columns become plain ones; their
 * type, nullability and indexes are still compared. (The runner's
 * `_prisma_migrations` table is Prisma's own, which its diff ignores.)
 */
async function plainGeneratedColumns(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema: string; table: string; column: string }>(`
      SELECT n.nspname AS schema, c.relname AS table, a.attname AS column
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE a.attgenerated = 's' AND NOT a.attisdropped AND a.attnum > 0
        AND c.relkind IN ('r', 'p')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      ORDER BY 1, 2, 3`);
    for (const { schema, table, column } of rows) {
      // IF EXISTS: dropping it on a partitioned parent already did the partitions.
      await client.query(`ALTER TABLE ${quoteIdent(schema)}.${quoteIdent(table)} ALTER COLUMN ${quoteIdent(column)} DROP EXPRESSION IF EXISTS`);
    }
    return rows.map(({ schema, table, column }) => `${schema === "public" ? "" : `${schema}.`}${table}.${column}`);
  } finally {
    await client.end();
  }
}

/** `signal` ends the run early (Ctrl-C); the scratch database is dropped whatever happens. */
export async function diffMigrationsToSchema(options: { log: (line: string) => void; signal?: AbortSignal }): Promise<{ changed: boolean; sql: string }> {
  const { log, signal } = options;
  const name = `prisma_migrate_scratch_${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  // template0: an empty database, whatever was added to template1 on this server.
  await asAdmin((client) => client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`));
  try {
    signal?.throwIfAborted();
    const { applied } = await applyMigrations(url.toString());
    log(`applied ${applied.length} migration(s) to scratch database ${name}`);
    signal?.throwIfAborted();
    const generated = await plainGeneratedColumns(url.toString());
    if (generated.length > 0) log(`generated columns compared as plain columns (Prisma cannot model them): ${generated.join(", ")}`);
    return await diffWithPrisma6(url.toString(), SCHEMA_PATH, signal);
  } finally {
    await asAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
  }
}
