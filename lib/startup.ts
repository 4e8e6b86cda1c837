import pg from "pg";
import { assertEnv, EnvError } from "@/lib/env";

/** Stops the process with one clear line when configuration or database is unusable. */
export async function checkStartup(): Promise<void> {
  let databaseUrl: string;
  try {
    databaseUrl = assertEnv().DATABASE_URL;
  } catch (error) {
    if (error instanceof EnvError) stop(`Configuration error: ${error.message}`);
    throw error;
  }
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1 FROM \"_prisma_migrations\" LIMIT 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const hint = /_prisma_migrations/.test(reason) ? " (run `npm run db:migrate` first)" : "";
    stop(`Configuration error: DATABASE_URL points at a database we cannot use: ${reason}${hint}`);
  } finally {
    await client.end().catch(() => {});
  }
}

function stop(line: string): never {
  console.error(line);
  process.exit(1);
}
