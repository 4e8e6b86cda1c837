import { existsSync } from "node:fs";
import { restoreDatabase } from "./db/backup";

// `npm run db:restore -- <file> [--replace]`: restores a db:backup file into DATABASE_URL.
const url = process.env.DATABASE_URL;
const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith("--"));
if (!url || !file) {
  console.error("usage: DATABASE_URL=… npm run db:restore -- <backup file> [--replace]");
  process.exit(1);
}
if (!existsSync(file)) {
  console.error(`no such backup file: ${file}`);
  process.exit(1);
}
restoreDatabase(url, file, { replace: args.includes("--replace") })
  .then(() => console.log(`restored ${file}`))
  .catch((error: unknown) => {
    console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
