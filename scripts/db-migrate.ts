import { applyMigrations } from "./db/migrate";

// `npm run db:migrate`: applies committed migrations to DATABASE_URL.
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required: the database to migrate");
  process.exit(1);
}
applyMigrations(url, { log: (line) => console.log(`migrate: ${line}`) })
  .then(({ applied, alreadyApplied }) => {
    console.log(`migrate: ${applied.length} applied, ${alreadyApplied} already up to date`);
  })
  .catch((error: unknown) => {
    console.error(`migrate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
