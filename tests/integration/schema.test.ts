import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { applyMigrations } from "../../scripts/db/migrate";

// The committed migrations, as applied to this run's database by the global setup.
const url = process.env.DATABASE_URL!;
const client = new pg.Client({ connectionString: url });

beforeAll(() => client.connect());
afterAll(() => client.end());

describe("migrations", () => {
  test("are recorded in Prisma's own bookkeeping table, so `prisma migrate deploy` agrees", async () => {
    const { rows } = await client.query(
      `SELECT migration_name, length(checksum) AS checksum_length, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.checksum_length).toBe(64);
      expect(row.finished_at).not.toBeNull();
    }
  });

  test("applying them again changes nothing", async () => {
    const result = await applyMigrations(url);
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toBeGreaterThan(0);
  });
});

describe("rules the database itself keeps", () => {
  test("the moderation audit log can be appended to and read, never changed or emptied", async () => {
    const { rows } = await client.query(
      `INSERT INTO "ModerationAction" (action, "targetType", "targetId") VALUES ('test.append', 'comment', 'x') RETURNING id`,
    );
    const id = rows[0].id as string;
    await expect(client.query(`UPDATE "ModerationAction" SET action = 'forged' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM "ModerationAction" WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    // eslint-disable-next-line newsroom/no-unbounded-write -- proving PostgreSQL refuses it
    await expect(client.query(`TRUNCATE "ModerationAction"`)).rejects.toThrow(/append-only/);
    const after = await client.query(`SELECT action FROM "ModerationAction" WHERE id = $1`, [id]);
    expect(after.rows[0].action).toBe("test.append");
  });

  test("a ban must name an email or an IP hash", async () => {
    await expect(client.query(`INSERT INTO "Ban" (id, reason) VALUES (gen_random_uuid(), 'nothing')`)).rejects.toThrow(/Ban_target_check/);
  });

  test("staff emails are stored lower-case, so uniqueness ignores case", async () => {
    await expect(
      client.query(
        `INSERT INTO "User" (id, email, name, slug, role, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), 'Mixed@Case.example', 'x', 'x-mixed', 'WRITER', 'x', now())`,
      ),
    ).rejects.toThrow(/User_email_lowercase_check/);
  });

  test("the search document is kept by PostgreSQL, weighting the title above the body", async () => {
    const inserted = await client.query(
      `INSERT INTO "Article" (id, title, dek, slug, body, "bodyText") VALUES
         (gen_random_uuid(), 'Reservoir levels fall', '', 'schema-test-title', '{}', 'nothing to see'),
         (gen_random_uuid(), 'Council meets', '', 'schema-test-body', '{}', 'the reservoir was mentioned in passing')
       RETURNING id`,
    );
    const { rows } = await client.query(
      `SELECT slug FROM "Article" WHERE search @@ websearch_to_tsquery('english', 'reservoirs')
         AND slug LIKE 'schema-test-%' ORDER BY ts_rank(search, websearch_to_tsquery('english', 'reservoirs')) DESC`,
    );
    expect(rows.map((row) => row.slug)).toEqual(["schema-test-title", "schema-test-body"]);
    await client.query(`DELETE FROM "Article" WHERE id = ANY($1::uuid[])`, [inserted.rows.map((row) => row.id)]);
  });
});
