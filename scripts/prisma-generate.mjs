// Generates the Prisma 7 client into lib/generated/prisma.
//
// `prisma generate` never runs the schema engine, but Prisma 7's CLI still
// tries to download it first unless PRISMA_SCHEMA_ENGINE_BINARY names a file.
// Offline hosts cannot download it, so point the variable at any existing file
// (this Node binary) when the caller has not set it; with network access and
// the variable set, Prisma behaves exactly as usual.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const prismaCli = require.resolve("prisma/build/index.js");
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath };
const result = spawnSync(process.execPath, [prismaCli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
