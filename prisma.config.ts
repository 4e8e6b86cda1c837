import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection URL here, not from schema.prisma. The app
// itself never reads this file: lib/db.ts builds the client from lib/env.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/newsroom",
  },
});
