import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Prisma's command line, and the one place that knows how it fails offline.
 *
 * Prisma 7's CLI downloads a native schema engine from Prisma's server before
 * any command that might need it, which offline and locked-down hosts cannot
 * do (`getaddrinfo ENOTFOUND binaries.prisma.sh`). So:
 * - `prisma generate` never runs that engine: an existing file named as the
 *   engine (PRISMA_SCHEMA_ENGINE_BINARY) stops the download (`generateClient`);
 * - `prisma migrate deploy` does run it (`migrateDeploy`): it works where the
 *   engine can be downloaded (or is given); everywhere else scripts/db/migrate.ts
 *   applies the same migrations with the same bookkeeping;
 * - migration SQL comes from the Prisma 6.19.3 CLI, whose schema engine is
 *   WebAssembly, installed on first use into tools/prisma-migrate — its own
 *   package, so it never touches the app's Prisma 7 client (`diffWithPrisma6`).
 */

const root = path.resolve(import.meta.dirname, "../..");
const toolDir = path.join(root, "tools", "prisma-migrate");
const PRISMA6_VERSION = "6.19.3";

function runNode(args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd ?? root, env: options.env, stdio: "inherit" });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

const prisma7Cli = () => createRequire(path.join(root, "package.json")).resolve("prisma/build/index.js");

/** `prisma generate`: the Prisma 7 client into lib/generated/prisma, with or without a network. */
export function generateClient(): Promise<number> {
  // Any existing file will do (this Node binary): generate never runs the engine. A value the caller set wins.
  const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath };
  return runNode([prisma7Cli(), "generate"], { env });
}

/** `prisma migrate deploy` with Prisma 7's own schema engine, downloaded by Prisma on first use. */
export function migrateDeploy(databaseUrl: string): Promise<number> {
  return runNode([prisma7Cli(), "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: databaseUrl } });
}

// ---------------------------------------------------------------------------
// The Prisma 6.19.3 CLI with its WebAssembly schema engine

/** tools/prisma-migrate, installed on first use (npm's output goes to stderr: stdout is for SQL). */
function prisma6(): { cli: string; toolRequire: NodeJS.Require } {
  const cli = path.join(toolDir, "node_modules", "prisma", "build", "index.js");
  if (!existsSync(cli)) {
    console.error("prisma-migrate: installing tools/prisma-migrate (npm ci) ...");
    const installed = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: toolDir, stdio: ["ignore", 2, 2] });
    if (installed.error || installed.status !== 0) {
      throw new Error(`npm ci in ${toolDir} failed${installed.error ? `: ${installed.error.message}` : ` with exit code ${installed.status}`}`);
    }
    if (!existsSync(cli)) throw new Error(`npm ci finished but ${cli} is missing`);
  }
  const toolRequire = createRequire(path.join(toolDir, "package.json"));
  const { version } = toolRequire("prisma/package.json") as { version: string };
  if (version !== PRISMA6_VERSION) {
    throw new Error(`tools/prisma-migrate has prisma ${version}, expected ${PRISMA6_VERSION}; delete its node_modules and rerun`);
  }
  return { cli, toolRequire };
}

/** `line` without a `//` comment (outside strings). */
function withoutLineComment(line: string): string {
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

/**
 * schema.prisma as Prisma 6 reads it. Prisma 7 forbids `url` in the datasource
 * block and Prisma 6 requires it: in the copy, the datasource and generator
 * blocks are blanked out line for line (so the line numbers in Prisma's errors
 * still match schema.prisma) and a datasource with a placeholder url (the
 * driver adapter supplies the real connection) is appended. Generators are
 * dropped, so the 6.19.3 CLI has nothing it could generate; their preview
 * features are kept in a neutral generator, since they can change what the
 * datamodel means.
 */
function schemaForPrisma6(source: string): string {
  const out: string[] = [];
  const datasource: string[] = [];
  const previewFeatures = new Set<string>();
  let block: { kind: string; name: string; body: string } | null = null;
  for (const line of source.split(/\r?\n/)) {
    const code = withoutLineComment(line).trim();
    if (!block) {
      const opening = /^(datasource|generator)\s+(\w+)\s*\{$/.exec(code);
      if (!opening) {
        out.push(line);
        continue;
      }
      block = { kind: opening[1]!, name: opening[2]!, body: "" };
      if (block.kind === "datasource") {
        if (datasource.length > 0) throw new Error("schema.prisma has more than one datasource block");
        datasource.push(code, '  url = "postgresql://prisma-migrate.invalid:5432/unused"');
      }
    } else if (code === "}") {
      if (block.kind === "datasource") datasource.push("}");
      const features = /\bpreviewFeatures\s*=\s*\[([^\]]*)\]/.exec(block.body);
      if (block.kind === "generator" && features) for (const feature of features[1]!.matchAll(/"([^"]+)"/g)) previewFeatures.add(feature[1]!);
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
  out.push("// Appended by scripts/db/prisma-cli.ts for the Prisma 6.19.3 CLI.", ...datasource);
  if (previewFeatures.size > 0) {
    out.push(
      "generator prisma_migrate_preview_features {",
      '  provider        = "prisma-client-js"',
      `  previewFeatures = [${[...previewFeatures].map((feature) => JSON.stringify(feature)).join(", ")}]`,
      "}",
    );
  }
  return `${out.join("\n")}\n`;
}

/**
 * Prisma config for the 6.19.3 CLI: `connect()` and `connectToShadowDb()` both
 * return adapter-pg 7.10.1 connections to the scratch database (URL from the
 * environment, so the file holds no credentials).
 *
 * PostgreSQL's one-byte "char" type (OID 18, e.g. pg_constraint.contype) has
 * no mapping in adapter-pg ("Column type 'char' could not be deserialized"),
 * and the engine reads pg_constraint.contype as soon as a CHECK or EXCLUDE
 * constraint exists. Reporting it as text is not enough: the engine then
 * panics ("RuntimeError: unreachable") because it wants a Character value. So
 * each pool's connections relabel OID 18 fields as text (OID 25) with a marker
 * in the field name, and each queryable strips the marker and reports those
 * columns as ColumnType Character.
 */
function prisma6ConfigSource(toolRequire: NodeJS.Require): string {
  const adapterPath = toolRequire.resolve("@prisma/adapter-pg");
  const utilsPath = createRequire(adapterPath).resolve("@prisma/driver-adapter-utils");
  const pgPath = toolRequire.resolve("pg");
  return `// Generated by scripts/db/prisma-cli.ts for one run; deleted afterwards.
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

/** Runs node with these arguments, keeping its output; `signal` kills it (an interrupted run). */
function capture(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; signal?: AbortSignal }): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (data: string) => (stdout += data));
    child.stderr.setEncoding("utf8").on("data", (data: string) => (stderr += data));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

/**
 * The SQL that takes the database at `databaseUrl` to the datamodel of
 * `schemaPath`, from `prisma migrate diff` (6.19.3). That CLI refuses
 * --from-url when a driver adapter is configured, so the database is handed to
 * it as the "shadow database" of an empty migrations directory: the engine
 * then just reads its schema.
 */
export async function diffWithPrisma6(databaseUrl: string, schemaPath: string, signal?: AbortSignal): Promise<{ changed: boolean; sql: string }> {
  const { cli, toolRequire } = prisma6();
  const work = mkdtempSync(path.join(tmpdir(), "prisma-migrate-"));
  try {
    writeFileSync(path.join(work, "schema.prisma"), schemaForPrisma6(readFileSync(schemaPath, "utf8")));
    writeFileSync(path.join(work, "prisma.config.cjs"), prisma6ConfigSource(toolRequire));
    mkdirSync(path.join(work, "migrations"));
    writeFileSync(path.join(work, "migrations", "migration_lock.toml"), 'provider = "postgresql"\n');
    const noEngine = path.join(work, "not-a-query-engine");
    writeFileSync(noEngine, "");

    // None of the caller's Prisma settings or database: the CLI is to see the scratch database only.
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of Object.keys(env)) if (name.startsWith("PRISMA_") || name === "DATABASE_URL") delete env[name];
    Object.assign(env, {
      PRISMA_MIGRATE_SCRATCH_URL: databaseUrl,
      // The 6.19.3 CLI downloads a native query engine library unless the client engine type is "client" — and
      // when schema.prisma does not parse, it ignores that and downloads anyway, hiding the validation error behind
      // ENOTFOUND. An existing file as the library path stops that; migrate diff never loads a query engine.
      PRISMA_CLIENT_ENGINE_TYPE: "client",
      PRISMA_QUERY_ENGINE_LIBRARY: noEngine,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
      NO_COLOR: "1",
    });
    const result = await capture(
      [
        cli,
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
      { cwd: work, env, signal },
    );
    // --exit-code: 0 = empty diff, 2 = non-empty diff, anything else = failure (an empty "diff" must not become a migration).
    if (result.code === 0) return { changed: false, sql: "" };
    if (result.code === 2 && result.stdout.trim() !== "") return { changed: true, sql: result.stdout };
    const detail = result.stderr.replace(/^Loaded Prisma config from .*$/m, "").trim() || result.stdout.trim() || "(no output)";
    throw new Error(`prisma migrate diff (${PRISMA6_VERSION}) failed with exit code ${result.code}:\n${detail}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
