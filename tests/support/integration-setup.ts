import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import "./request-doubles";

// Point the app's lazily parsed environment at this run's database before any
// test file imports lib/db.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET = "integration-tests-secret-0123456789abcdef";
process.env.UPLOAD_DIR = mkdtempSync(path.join(tmpdir(), "newsroom-uploads-"));

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
});
