import pg from "pg";
import { createClient } from "redis";
import { assertEnv, EnvError } from "@/lib/env";

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
    if (error instanceof EnvError) stop(`Configuration error: ${error.message}`);
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
    stop(`Configuration error: DATABASE_URL points at a database we cannot use: ${reason}${hint}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The shared page cache (cache-handler.cjs) needs Redis reachable at start —
 * its handler otherwise waits 30 s per request for it — and Redis must publish
 * keyevent notifications, which the handler uses to keep instances in step.
 */
async function checkRedis(url: string): Promise<void> {
  const client = createClient({ url, socket: { connectTimeout: 5_000, reconnectStrategy: false } });
  client.on("error", () => {});
  try {
    await client.connect();
    const config = await client.configGet("notify-keyspace-events");
    const events = config["notify-keyspace-events"] ?? "";
    const hasKeyevents = events.includes("E") && (events.includes("A") || (events.includes("x") && events.includes("e")));
    if (!hasKeyevents) {
      stop(
        "Configuration error: REDIS_URL: the Redis server must publish keyevent notifications for the shared page cache; run `redis-cli config set notify-keyspace-events Exe`",
      );
    }
  } catch (error) {
    stop(`Configuration error: REDIS_URL points at a Redis we cannot use: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await client.quit().catch(() => {});
  }
}

function stop(line: string): never {
  console.error(line);
  process.exit(1);
}
