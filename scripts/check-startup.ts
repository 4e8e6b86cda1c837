import { checkStartup } from "../lib/startup";

/**
 * `npm run build` runs this before `next build`, which reads the database (the
 * front page is prerendered): a missing or bad DATABASE_URL, an unmigrated
 * database or an unusable REDIS_URL stops the build at once with the one line
 * that `npm start` would print, instead of a stack trace after the compile.
 */
// Judged as `next build` will see it: the build signs nothing, so it needs no AUTH_SECRET even in production.
process.env.NEXT_PHASE = "phase-production-build";

checkStartup().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Configuration error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
