import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { seed } from "@/lib/seed";

// `npm run db:seed`: the admin from ADMIN_EMAIL / ADMIN_PASSWORD, and the demo
// content when SEED_DEMO=1. Safe to run again and again.
seed({
  adminEmail: env.ADMIN_EMAIL,
  adminPassword: env.ADMIN_PASSWORD,
  demo: env.SEED_DEMO,
  log: (line) => console.log(`seed: ${line}`),
})
  .catch((error: unknown) => {
    console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
