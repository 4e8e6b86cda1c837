import { applyMigrations } from "./db/migrate";
import { migrateDeploy } from "./db/prisma-cli";

/**
 * `npm run db:migrate`: applies the committed migrations to DATABASE_URL with
 * the built-in runner (scripts/db/migrate.ts), which needs nothing but the
 * database. `npm run db:migrate -- --prisma` runs Prisma's own `prisma migrate
 * deploy` instead, where Prisma can download its schema engine; both keep
 * Prisma's `_prisma_migrations` table, so either can follow the other.
 */

const url = process.env.DATABASE_URL;
const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--prisma");
if (!url || unknown.length > 0) {
  console.error(unknown.length > 0 ? `migrate: unknown argument ${unknown.join(" ")}` : "DATABASE_URL is required: the database to migrate");
  console.error("Usage: npm run db:migrate [-- --prisma]");
  process.exit(1);
}

async function withPrisma(databaseUrl: string): Promise<void> {
  const code = await migrateDeploy(databaseUrl);
  if (code === 0) return;
  console.error(
    `migrate: prisma migrate deploy failed (exit ${code}). Where Prisma cannot download its schema engine, ` +
      "run `npm run db:migrate` without --prisma: the built-in runner applies the same migrations.",
  );
  process.exit(code);
}

async function withRunner(databaseUrl: string): Promise<void> {
  const { applied, alreadyApplied } = await applyMigrations(databaseUrl, { log: (line) => console.log(`migrate: ${line}`) });
  console.log(`migrate: ${applied.length} applied, ${alreadyApplied} already up to date`);
}

(args.includes("--prisma") ? withPrisma(url) : withRunner(url)).catch((error: unknown) => {
  console.error(`migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
