import { mkdir } from "node:fs/promises";
import path from "node:path";
import { backupDatabase } from "./db/backup";

// `npm run db:backup [file]`: a pg_dump of DATABASE_URL (default: backups/newsroom-<time>.dump).
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required: the database to back up");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const file = path.resolve(process.argv[2] ?? path.join("backups", `newsroom-${stamp}.dump`));

mkdir(path.dirname(file), { recursive: true })
  .then(() => backupDatabase(url, file))
  .then(() => console.log(`backup written to ${file}`))
  .catch((error: unknown) => {
    console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
