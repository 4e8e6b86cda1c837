import pg from "pg";
import { Redis } from "ioredis";
import { assertEnv } from "@/lib/env";
import { EnvError, stopWithConfigurationError } from "@/server/environment.mjs";

/**
 * Stops the process with one clear line when the configuration, the database
 * or (if configured) the shared cache is unusable, instead of starting and
 * failing on the first visitor.
 */
export async function checkStartup(): Promise<void> {
  let databaseUrl: string;
  let redisUrl: string | undefined;
  try {
    ({ DATABASE_URL: databaseUrl, REDIS_URL: redisUrl } = assertEnv());
  } catch (error) {
    if (error instanceof EnvError) stopWithConfigurationError(error.message);
    throw error;
  }
  await checkDatabase(databaseUrl);
  if (redisUrl) await checkRedis(redisUrl);
}

async function checkDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1 FROM "_prisma_migrations" LIMIT 1');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const hint = /_prisma_migrations/.test(reason) ? " (run `npm run db:migrate` first)" : "";
    stopWithConfigurationError(`DATABASE_URL points at a database we cannot use: ${reason}${hint}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The shared cache (server/cache-handler.mjs, server/page-cache.mjs) and the rate limits need Redis reachable at start. */
async function checkRedis(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 5_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // The connection's own error says why (ECONNREFUSED, a wrong password); connect() only says it closed.
  let cause: Error | undefined;
  client.on("error", (error: Error) => (cause ??= error));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const reason = cause ?? error;
    stopWithConfigurationError(`REDIS_URL points at a Redis we cannot use: ${reason instanceof Error ? reason.message : String(reason)}`);
  } finally {
    client.disconnect();
  }
}
