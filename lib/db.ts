import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { PrismaPgOneQueryAtATime } from "@/lib/pg-adapter";

/**
 * The one Prisma client, over node-postgres through the driver adapter (whose
 * transactions send their queries one at a time: lib/pg-adapter.ts).
 * Cached on globalThis so that dev-server reloads do not open a new pool each time.
 */
function createClient(): PrismaClient {
  const adapter = new PrismaPgOneQueryAtATime({
    connectionString: env.DATABASE_URL,
    max: 10,
    // Fail fast instead of hanging when the database is down; callers answer 503.
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({
    adapter,
    // Secret columns never come back unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
  });
}

const globalForPrisma = globalThis as unknown as { newsroomPrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.newsroomPrisma ?? createClient();

if (env.NODE_ENV !== "production") globalForPrisma.newsroomPrisma = db;
