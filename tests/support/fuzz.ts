import fc from "fast-check";
import { expect } from "vitest";
import { db } from "@/lib/db";

/**
 * Shared pieces of the property-based fuzzing suites (tests/integration/fuzz-*.test.ts):
 * hostile values, a count of the rows changed in the database's content
 * tables (also what the authorization matrix checks refused calls with), and
 * fast-check's runner with this suite's settings.
 */

/** Runs per property in the default test run (cheap API calls get more); FUZZ_RUNS sets it for a longer hunt. */
export const fuzzRuns = (defaultRuns: number) => Number(process.env.FUZZ_RUNS ?? defaultRuns);

/** Cases run by every property of this file, reported at the end of the suite. */
export const fuzzCounter = { cases: 0 };

/** Strings that have broken parsers before: empties, control and bidi characters, lone surrogates, markup, numbers in disguise. */
const awkwardStrings = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF\uD800",
  "\u202Eevil\u202C",
  "\u200B\u200D\uFEFF",
  "＜script＞alert(1)＜/script＞",
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "../../etc/passwd",
  "%00%2e%2e%2f",
  "' OR 1=1 --",
  "NaN",
  "-1",
  "0",
  "1e309",
  "99999999999999999999999",
  "true",
  "null",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "𝕳𝖊𝖑𝖑𝖔 👩‍👩‍👧‍👦",
  "ﻻ إله \u064B\u064C",
  "x".repeat(5001),
  "y".repeat(70_000),
);

/** Any string a hostile client could send: arbitrary code points (lone surrogates included), graphemes, or a known troublemaker. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 2 },
  { arbitrary: awkwardStrings, weight: 3 },
);

/** A value of any JSON type, including huge and non-finite-looking numbers. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308, -1e308, 0.1, -1, 2 ** 31, 0),
);

/** Header values must be ByteStrings (what HTTP can carry), so they are drawn from Latin-1. */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary-ascii", maxLength: 120 }).map((value) => value.replace(/[\r\n\0]/g, "")),
  fc.constantFrom("", " ", "x".repeat(101), "key with spaces", "ok-key-12345678", "é-latin-1-key"),
);

/**
 * Every table that holds the newsroom's content. `rate_limits` is left out on
 * purpose: a refused request still counts against its sender's limit, which
 * is the point of a limit.
 */
const contentTables = [
  "User",
  "Section",
  "Tag",
  "Media",
  "Article",
  "ArticleByline",
  "ArticleTag",
  "ArticleRevision",
  "SlugRedirect",
  "Correction",
  "Source",
  "Citation",
  "Comment",
  "CommentReport",
  "Ban",
  "ModerationAction",
  "Setting",
] as const;

export type DatabaseFingerprint = Record<string, number>;

/**
 * Counts every row inserted, updated or deleted in the content tables, with
 * row triggers installed in this run's test database for the length of a
 * fuzzing file (a checksum of every table would cost more per case as the
 * shared database grows). A change rolled back is not counted, as it never
 * happened. Returns the function that removes the triggers again.
 */
export async function watchDatabaseChanges(): Promise<() => Promise<void>> {
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS fuzz_changes (table_name text PRIMARY KEY, changes bigint NOT NULL)`);
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION fuzz_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO fuzz_changes VALUES (TG_TABLE_NAME, 1) ON CONFLICT (table_name) DO UPDATE SET changes = fuzz_changes.changes + 1;
      RETURN NULL;
    END $$`);
  for (const table of contentTables) {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS fuzz_count_change ON "${table}"`);
    await db.$executeRawUnsafe(`CREATE TRIGGER fuzz_count_change AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION fuzz_count_change()`);
  }
  return async () => {
    for (const table of contentTables) await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS fuzz_count_change ON "${table}"`);
    await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS fuzz_count_change()`);
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS fuzz_changes`);
  };
}

/** How many rows of each content table have changed since watchDatabaseChanges(). */
export async function databaseFingerprint(): Promise<DatabaseFingerprint> {
  const rows = await db.$queryRawUnsafe<{ table_name: string; changes: bigint }[]>(`SELECT table_name, changes FROM fuzz_changes`);
  return Object.fromEntries(rows.map((row) => [row.table_name, Number(row.changes)]));
}

/** The JSON API's error body: `{ error: { code, message, fields? } }`, fields mapping names to messages. */
export function expectErrorShape(body: unknown, context: string): void {
  expect(body, context).toEqual({
    error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
  });
  const { error } = body as { error: Record<string, unknown> };
  expect(Object.keys(error).every((key) => ["code", "message", "fields"].includes(key)), context).toBe(true);
  if (error.fields !== undefined) {
    for (const messages of Object.values(error.fields as Record<string, unknown>)) {
      expect(Array.isArray(messages) && messages.every((message) => typeof message === "string"), context).toBe(true);
    }
  }
}

/**
 * fc.assert with this suite's run count, counting every case it ran.
 * `examples` run first: the valid requests whose success the suites then
 * require, so a case that must succeed is never left to chance.
 */
export async function assertProperty<Ts extends [unknown, ...unknown[]]>(
  property: fc.IAsyncPropertyWithHooks<Ts>,
  options: { runs?: number; examples?: Ts[] } = {},
): Promise<void> {
  await fc.assert(
    property.beforeEach((previous) => {
      fuzzCounter.cases += 1;
      return previous();
    }),
    { numRuns: fuzzRuns(options.runs ?? 120), examples: options.examples ?? [] },
  );
}
