import pg from "pg";

/**
 * The benchmark's database: a fresh `newsroom_bench_<time>` on the local
 * PostgreSQL (BENCH_POSTGRES_URL names another server), dropped at the end
 * unless BENCH_KEEP_DATABASE is set. Never a database some other run left.
 */
export interface BenchDatabase {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

function serverUrl(database: string): string {
  const url = new URL(process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(url.hostname)) {
    throw new Error(`refusing to benchmark against a non-local PostgreSQL (${url.hostname})`);
  }
  url.pathname = `/${database}`;
  return url.toString();
}

async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl("postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `newsroom_bench_${Date.now()}`;
  await asAdmin(`CREATE DATABASE "${name}"`);
  return { url: serverUrl(name), name, drop: () => asAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** One statement on a short-lived connection: the bench's own bookkeeping, not what it measures. */
export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
