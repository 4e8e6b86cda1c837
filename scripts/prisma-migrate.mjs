#!/usr/bin/env node
// Offline migration generator and drift check for prisma/schema.prisma.
//
// Prisma 7's migrate commands download a native schema engine, which cannot be
// fetched on every machine. This tool runs the Prisma 6.19.3 CLI instead, whose
// schema engine is WebAssembly, from its own package in tools/prisma-migrate
// (installed with `npm ci` on first use). It never touches the app's database
// and never generates a client: it works on a throwaway database only.
//
//   node scripts/prisma-migrate.mjs new <name>   write prisma/migrations/<UTC timestamp>_<name>/migration.sql
//   node scripts/prisma-migrate.mjs check        exit 1 (and print the SQL) if migrations and schema differ
//
// How it works: create a scratch database (server from PRISMA_MIGRATE_ADMIN_URL),
// apply every prisma/migrations/*/migration.sql to it in name order, each file as
// one multi-statement query, then ask `prisma migrate diff` for the SQL that takes
// that database to the datamodel of prisma/schema.prisma. The 6.19.3 CLI refuses
// --from-url when a driver adapter is configured, so the scratch database is handed
// to it as the "shadow database" of an empty migrations directory: the engine then
// just reads the schema of that database. The scratch database is always dropped.
//
// Exit codes: 0 success / no drift, 1 drift found (check), 2 tool or database error.

import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TOOL_DIR = path.join(ROOT, "tools", "prisma-migrate");
const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
const ADMIN_URL = process.env.PRISMA_MIGRATE_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

const EXIT_DRIFT = 1;
const EXIT_ERROR = 2;

class UsageError extends Error {}

function usage() {
  return [
    "Usage:",
    "  node scripts/prisma-migrate.mjs new <name>   generate a migration from prisma/schema.prisma",
    "  node scripts/prisma-migrate.mjs check        fail if prisma/migrations does not match prisma/schema.prisma",
    "",
    "Env: PRISMA_MIGRATE_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres) must be allowed",
    "to CREATE DATABASE; a scratch database is created there and dropped afterwards.",
  ].join("\n");
}

// ---------------------------------------------------------------------------
// tools/prisma-migrate install

function ensureTool() {
  const cli = path.join(TOOL_DIR, "node_modules", "prisma", "build", "index.js");
  if (!fs.existsSync(cli)) {
    console.error("prisma-migrate: installing tools/prisma-migrate (npm ci) ...");
    // npm's output goes to stderr: stdout is reserved for the SQL that `check` prints.
    const res = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], {
      cwd: TOOL_DIR,
      stdio: ["ignore", 2, 2],
      shell: process.platform === "win32",
    });
    if (res.error || res.status !== 0) {
      throw new Error(`npm ci in ${TOOL_DIR} failed${res.error ? `: ${res.error.message}` : ` with exit code ${res.status}`}`);
    }
    if (!fs.existsSync(cli)) throw new Error(`npm ci finished but ${cli} is missing`);
  }
  const toolRequire = createRequire(path.join(TOOL_DIR, "package.json"));
  const installed = toolRequire("prisma/package.json").version;
  if (installed !== "6.19.3") {
    throw new Error(`tools/prisma-migrate has prisma ${installed}, expected 6.19.3; delete its node_modules and rerun`);
  }
  return { cli, toolRequire };
}

// ---------------------------------------------------------------------------
// Temporary schema for the 6.19.3 CLI
//
// Prisma 7 forbids `url` in the datasource block and Prisma 6 requires it. In the
// copy, the datasource and generator blocks are blanked out line for line (so the
// line numbers in Prisma's error messages still match schema.prisma) and a datasource
// with a placeholder url (the driver adapter supplies the real connection) is appended.
// Generators are dropped, so the 6.19.3 CLI has nothing it could generate; their
// preview features are kept in a neutral generator, since they can change what the
// datamodel means.

function stripLineComment(line) {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "/" && line[i + 1] === "/") return line.slice(0, i);
  }
  return line;
}

function schemaForPrisma6(source) {
  const out = [];
  const datasource = [];
  const previewFeatures = new Set();
  let block = null; // { kind, name, body }
  for (const line of source.split(/\r?\n/)) {
    const code = stripLineComment(line).trim();
    if (!block) {
      const m = /^(datasource|generator)\s+(\w+)\s*\{$/.exec(code);
      if (!m) {
        out.push(line);
        continue;
      }
      block = { kind: m[1], name: m[2] };
      if (block.kind === "datasource") {
        if (datasource.length > 0) throw new Error("schema.prisma has more than one datasource block");
        datasource.push(code, '  url = "postgresql://prisma-migrate.invalid:5432/unused"');
      }
      block.body = "";
    } else if (code === "}") {
      if (block.kind === "datasource") datasource.push("}");
      const pf = /\bpreviewFeatures\s*=\s*\[([^\]]*)\]/.exec(block.body);
      if (block.kind === "generator" && pf) for (const f of pf[1].matchAll(/"([^"]+)"/g)) previewFeatures.add(f[1]);
      block = null;
    } else if (block.kind === "datasource") {
      // Connection settings belong to the adapter here.
      if (code !== "" && !/^(url|directUrl|shadowDatabaseUrl)\s*=/.test(code)) datasource.push(`  ${code}`);
    } else {
      block.body += `${code}\n`;
    }
    out.push("");
  }
  if (block) throw new Error(`schema.prisma: unterminated ${block.kind} block "${block.name}"`);
  if (datasource.length === 0) throw new Error("schema.prisma has no datasource block");
  out.push("// Appended by scripts/prisma-migrate.mjs for the Prisma 6.19.3 CLI.", ...datasource);
  if (previewFeatures.size > 0) {
    out.push(
      "generator prisma_migrate_preview_features {",
      '  provider        = "prisma-client-js"',
      `  previewFeatures = [${[...previewFeatures].map((f) => JSON.stringify(f)).join(", ")}]`,
      "}",
    );
  }
  return out.join("\n") + "\n";
}

// Prisma config for the 6.19.3 CLI. `connect()` and `connectToShadowDb()` both
// return adapter-pg 7.10.1 connections to the scratch database (URL from the
// environment, so the file holds no credentials).
//
// PostgreSQL's one-byte "char" type (OID 18, e.g. pg_constraint.contype) has no
// mapping in adapter-pg ("Column type 'char' could not be deserialized"), and the
// engine reads pg_constraint.contype as soon as a CHECK or EXCLUDE constraint exists.
// Reporting it as text is not enough: the engine then panics ("RuntimeError:
// unreachable") because it wants a Character value. So each pool's connections
// relabel OID 18 fields as text (OID 25) with a marker in the field name, and each
// queryable strips the marker and reports those columns as ColumnType Character.
function prismaConfigSource(toolRequire) {
  const adapterPath = toolRequire.resolve("@prisma/adapter-pg");
  const utilsPath = createRequire(adapterPath).resolve("@prisma/driver-adapter-utils");
  const pgPath = toolRequire.resolve("pg");
  return `// Generated by scripts/prisma-migrate.mjs for one run; deleted afterwards.
"use strict";
const pg = require(${JSON.stringify(pgPath)});
const { PrismaPg } = require(${JSON.stringify(adapterPath)});
const { ColumnTypeEnum } = require(${JSON.stringify(utilsPath)});

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHAR_MARK = "\\u0000prisma-migrate-char\\u0000"; // PostgreSQL names cannot contain NUL
const url = process.env.PRISMA_MIGRATE_SCRATCH_URL;
if (!url) throw new Error("PRISMA_MIGRATE_SCRATCH_URL is not set");
if (typeof ColumnTypeEnum?.Character !== "number") throw new Error("driver-adapter-utils has no ColumnTypeEnum.Character");

function scratchPool() {
  // allowExitOnIdle: the CLI does not always dispose adapters; idle pools must not keep it alive.
  const pool = new pg.Pool({ connectionString: url, max: 4, allowExitOnIdle: true });
  pool.on("connect", (client) => {
    // Runs before the client's own row-description handler.
    client.connection.prependListener("rowDescription", (msg) => {
      for (const field of msg.fields) {
        if (field.dataTypeID === PG_CHAR_OID) {
          field.dataTypeID = PG_TEXT_OID;
          field.name = CHAR_MARK + field.name;
        }
      }
    });
  });
  return pool;
}

function withCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    result.columnNames.forEach((name, i) => {
      if (name.startsWith(CHAR_MARK)) {
        result.columnNames[i] = name.slice(CHAR_MARK.length);
        result.columnTypes[i] = ColumnTypeEnum.Character;
      }
    });
    return result;
  };
  if (typeof queryable.startTransaction === "function") {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => withCharColumns(await startTransaction(...args));
  }
  return queryable;
}

async function connectScratch() {
  return withCharColumns(await new PrismaPg(scratchPool(), { disposeExternalPool: true }).connect());
}

module.exports = {
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  adapter: async () => ({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: connectScratch,
    connectToShadowDb: connectScratch,
  }),
};
`;
}

// ---------------------------------------------------------------------------
// Scratch database

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

function listMigrations() {
  if (!fs.existsSync(MIGRATIONS_DIR)) return [];
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(MIGRATIONS_DIR, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort(); // Prisma applies migration folders in lexicographic order of their names.
}

function connectionErrorHint(err) {
  return `${err.message}\n(admin connection: ${redact(ADMIN_URL)}; set PRISMA_MIGRATE_ADMIN_URL to a role that may CREATE DATABASE)`;
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "<unparseable URL>";
  }
}

const cleanups = [];

async function runCleanups() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (err) {
      console.error(`prisma-migrate: cleanup failed: ${err.message}`);
    }
  }
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`prisma-migrate: ${signal}, cleaning up ...`);
    runCleanups().finally(() => process.exit(130));
  });
}

async function createScratchDatabase(pg) {
  const name = `prisma_migrate_scratch_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`cannot connect to PostgreSQL: ${connectionErrorHint(err)}`);
  }
  // Registered first, so an interrupt during CREATE still drops it (DROP ... IF EXISTS).
  cleanups.push(() => dropDatabase(pg, name));
  try {
    // template0: an empty database, whatever was added to template1 on this server.
    await admin.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  return { name, url: withDatabase(ADMIN_URL, name) };
}

async function dropDatabase(pg, name) {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    } catch (err) {
      if (err.code !== "42601") throw err; // before PostgreSQL 13: no WITH (FORCE)
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
    }
  } finally {
    await admin.end();
  }
}

async function applyMigrations(pg, url, migrations) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET client_min_messages = warning");
    for (const name of migrations) {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");
      try {
        // The whole file as one simple-protocol query, as Prisma itself runs a migration
        // script: multi-statement, $$-bodies intact, one implicit transaction unless the
        // file manages its own. (adapter-pg's executeScript splits on ";" -- unusable here.)
        await client.query(sql);
      } catch (err) {
        const where = err.position ? ` (at character ${err.position})` : "";
        throw new Error(`migration ${name} failed on the scratch database${where}: ${err.message}`);
      }
    }
  } finally {
    await client.end();
  }
}

// Prisma cannot model `GENERATED ALWAYS AS (...) STORED` columns: 6.19.3 reads the
// generation expression as a column default, so a field declared as e.g.
// `search Unsupported("tsvector")?` would always show up as drift
// (`ALTER COLUMN "search" DROP DEFAULT`, which PostgreSQL rejects for a generated
// column). The scratch database is throwaway, so turn such columns into plain ones
// before the diff; type, nullability and indexes on them are still compared.
async function plainGeneratedColumns(pg, url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: version } = await client.query("SELECT current_setting('server_version_num')::int AS v");
    if (version[0].v < 130000) return []; // DROP EXPRESSION is PostgreSQL 13+
    const { rows } = await client.query(`
      SELECT n.nspname AS schema, c.relname AS table, a.attname AS column
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE a.attgenerated = 's' AND NOT a.attisdropped AND a.attnum > 0
        AND c.relkind IN ('r', 'p')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      ORDER BY 1, 2, 3`);
    for (const r of rows) {
      // IF EXISTS: dropping it on a partitioned parent already did the partitions.
      await client.query(
        `ALTER TABLE ${quoteIdent(r.schema)}.${quoteIdent(r.table)} ALTER COLUMN ${quoteIdent(r.column)} DROP EXPRESSION IF EXISTS`,
      );
    }
    return rows.map((r) => `${r.schema === "public" ? "" : `${r.schema}.`}${r.table}.${r.column}`);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------
// migrate diff

function runPrisma(cli, args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    cleanups.push(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

// Returns { changed: boolean, sql: string }.
async function diffMigrationsToSchema() {
  if (!fs.existsSync(SCHEMA_PATH)) throw new Error(`${SCHEMA_PATH} does not exist`);
  const { cli, toolRequire } = ensureTool();
  const pg = toolRequire("pg");

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "prisma-migrate-"));
  cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }));
  fs.writeFileSync(path.join(work, "schema.prisma"), schemaForPrisma6(fs.readFileSync(SCHEMA_PATH, "utf8")));
  fs.writeFileSync(path.join(work, "prisma.config.cjs"), prismaConfigSource(toolRequire));
  // An empty migrations directory: the engine applies nothing and reads the schema of
  // the "shadow" database, which is our scratch database with the real migrations.
  fs.mkdirSync(path.join(work, "migrations"));
  fs.writeFileSync(path.join(work, "migrations", "migration_lock.toml"), 'provider = "postgresql"\n');
  const noEngine = path.join(work, "not-a-query-engine");
  fs.writeFileSync(noEngine, "");

  const scratch = await createScratchDatabase(pg);
  const migrations = listMigrations();
  await applyMigrations(pg, scratch.url, migrations);
  console.error(`prisma-migrate: applied ${migrations.length} migration(s) to scratch database ${scratch.name}`);
  const generated = await plainGeneratedColumns(pg, scratch.url);
  if (generated.length > 0) {
    console.error(`prisma-migrate: generated columns compared as plain columns (Prisma cannot model them): ${generated.join(", ")}`);
  }

  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("PRISMA_") || key === "DATABASE_URL") delete env[key];
  Object.assign(env, {
    PRISMA_MIGRATE_SCRATCH_URL: scratch.url,
    // The 6.19.3 CLI downloads a native query engine library unless the client engine
    // type is "client" -- and when schema.prisma does not parse, it ignores that and
    // downloads anyway, hiding the validation error behind ENOTFOUND. An existing file
    // as the library path stops that; migrate diff never loads a query engine.
    PRISMA_CLIENT_ENGINE_TYPE: "client",
    PRISMA_QUERY_ENGINE_LIBRARY: noEngine,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    NO_COLOR: "1",
  });
  const res = await runPrisma(
    cli,
    [
      "migrate",
      "diff",
      "--config",
      path.join(work, "prisma.config.cjs"),
      "--from-migrations",
      path.join(work, "migrations"),
      "--to-schema-datamodel",
      path.join(work, "schema.prisma"),
      "--script",
      "--exit-code",
    ],
    { cwd: work, env },
  );
  // --exit-code: 0 = empty diff, 2 = non-empty diff, anything else = failure.
  if (res.code === 0) return { changed: false, sql: "" };
  if (res.code === 2 && res.stdout.trim() !== "") return { changed: true, sql: res.stdout };
  const detail = (res.stderr.replace(/^Loaded Prisma config from .*$/m, "").trim() || res.stdout.trim() || "(no output)");
  throw new Error(`prisma migrate diff (6.19.3) failed with exit code ${res.code}:\n${detail}`);
}

// ---------------------------------------------------------------------------
// Commands

function utcStamp(date) {
  const p = (n, w = 2) => String(n).padStart(w, "0");
  return (
    p(date.getUTCFullYear(), 4) +
    p(date.getUTCMonth() + 1) +
    p(date.getUTCDate()) +
    p(date.getUTCHours()) +
    p(date.getUTCMinutes()) +
    p(date.getUTCSeconds())
  );
}

function parseStamp(stamp) {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : null;
}

function normaliseName(raw) {
  const name = String(raw ?? "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!name) throw new UsageError("new: give a migration name, e.g. `node scripts/prisma-migrate.mjs new add_tags`");
  if (name.length > 200) throw new UsageError("new: migration name is too long");
  return name;
}

// A UTC timestamp that sorts after every existing migration folder.
function nextStamp(existing) {
  let date = new Date();
  date.setUTCMilliseconds(0);
  for (const name of existing) {
    const prev = parseStamp(name.slice(0, 14));
    if (prev && prev >= date) date = new Date(prev.getTime() + 1000);
  }
  return utcStamp(date);
}

async function cmdNew(rawName) {
  const name = normaliseName(rawName);
  const { changed, sql } = await diffMigrationsToSchema();
  if (!changed) {
    console.log("No changes: prisma/migrations already matches schema.prisma; nothing written.");
    return 0;
  }
  const existing = listMigrations();
  const folder = `${nextStamp(existing)}_${name}`;
  const dir = path.join(MIGRATIONS_DIR, folder);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql.endsWith("\n") ? sql : `${sql}\n`, { flag: "wx" });
  const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!fs.existsSync(lock)) {
    fs.writeFileSync(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  console.log(`Created ${path.relative(ROOT, path.join(dir, "migration.sql"))}`);
  console.log("Review it, add any hand-written SQL Prisma cannot express, then commit it.");
  return 0;
}

async function cmdCheck() {
  const { changed, sql } = await diffMigrationsToSchema();
  if (!changed) {
    console.log("migrations match schema.prisma");
    return 0;
  }
  console.log("prisma/migrations does not match prisma/schema.prisma. SQL that would bring the migrations in line:\n");
  console.log(sql.trimEnd());
  console.log("\nRun `node scripts/prisma-migrate.mjs new <name>` to create a migration with it.");
  return EXIT_DRIFT;
}

async function main(argv) {
  const [command, ...rest] = argv;
  if (command === "new" && rest.length === 1) return cmdNew(rest[0]);
  if (command === "check" && rest.length === 0) return cmdCheck();
  if (command === "-h" || command === "--help" || command === "help") {
    console.log(usage());
    return 0;
  }
  throw new UsageError(usage());
}

let exitCode;
try {
  exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (!interrupted) console.error(err instanceof UsageError ? err.message : `prisma-migrate: ${err.message}`);
  exitCode = EXIT_ERROR;
} finally {
  await runCleanups();
}
process.exit(interrupted ? 130 : exitCode);
