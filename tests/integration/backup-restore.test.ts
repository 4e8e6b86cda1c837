import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { backupDatabase, restoreDatabase } from "../../scripts/db/backup";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { runSeed } from "../support/run-seed";

/** Every table of the public schema: its row count and a hash of all its rows, order-independent. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ count: string; digest: string | null }>(
        `SELECT count(*) AS count, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS digest FROM "${name}" t`,
      );
      result[name] = `${rows[0]?.count}:${rows[0]?.digest ?? "empty"}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

let source: TestDatabase;
let target: TestDatabase;
let workDir: string;
let file: string;

beforeAll(async () => {
  source = await createTestDatabase("backup_source");
  target = await createTestDatabase("backup_target", { migrate: false });
  workDir = mkdtempSync(path.join(tmpdir(), "newsroom-backup-"));
  file = path.join(workDir, "demo.dump");
  await runSeed(source.url, { UPLOAD_DIR: path.join(workDir, "uploads") });
}, 120_000);

afterAll(async () => {
  await source?.drop();
  await target?.drop();
  rmSync(workDir, { recursive: true, force: true });
});

describe("db:backup and db:restore", () => {
  test("round-trip the demo database: every table, every row", async () => {
    const original = await fingerprint(source.url);
    expect(original["Article"]).toMatch(/^8:/);
    expect(original["Comment"]).toMatch(/^2:/);

    await backupDatabase(source.url, file);
    await restoreDatabase(target.url, file);

    expect(await fingerprint(target.url)).toEqual(original);
  });

  test("a restore never merges into a database that has data, unless told to replace it", async () => {
    await expect(restoreDatabase(target.url, file)).rejects.toThrow(/not empty.*--replace/);

    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    await client.query(`UPDATE "Article" SET title = 'changed after the backup'`);
    await client.end();

    await restoreDatabase(target.url, file, { replace: true });
    expect(await fingerprint(target.url)).toEqual(await fingerprint(source.url));
  });

  test("the restored audit log is still append-only", async () => {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      await client.query(`INSERT INTO "ModerationAction" (action, "targetType", "targetId") VALUES ('test.restore', 'comment', 'x')`);
      // eslint-disable-next-line newsroom/no-unbounded-write -- proving PostgreSQL refuses it
      await expect(client.query(`DELETE FROM "ModerationAction"`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});
