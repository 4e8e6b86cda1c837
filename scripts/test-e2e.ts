import { spawn } from "node:child_process";
import path from "node:path";
import { createTestDatabase } from "../tests/support/test-database";
import { e2eStaff } from "../e2e/support/staff";

/**
 * `npm run test:e2e`: a fresh database (migrated and seeded with the demo
 * content), a production build against it, then Playwright against
 * `next start`. The database is dropped afterwards, pass or fail.
 */

const root = path.resolve(import.meta.dirname, "..");

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<number> {
  const database = await createTestDatabase("e2e");
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: "e2e-tests-secret-0123456789abcdef0123456789",
      ADMIN_EMAIL: e2eStaff.ADMIN.email,
      ADMIN_PASSWORD: e2eStaff.ADMIN.password,
      SEED_DEMO: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      UPLOAD_DIR: path.join(root, ".data", "e2e-uploads", database.name),
      E2E_PORT: process.env.E2E_PORT ?? "3210",
    };
    const seeded = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"], env);
    if (seeded !== 0) return seeded;
    if (!process.env.E2E_SKIP_BUILD) {
      const built = await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], env);
      if (built !== 0) return built;
    }
    const serverEnv: NodeJS.ProcessEnv = { ...env, NODE_ENV: "production", PORT: env.E2E_PORT, HOST: "127.0.0.1" };
    return await run(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], serverEnv);
  } finally {
    await database.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
