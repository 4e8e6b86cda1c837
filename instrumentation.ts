import type { Instrumentation } from "next";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { markDatabaseUnavailable } from "./server/outage-answers.mjs";

/**
 * Runs once when a server starts. Checks the environment and the database so a
 * misconfigured deployment stops at once with one line naming the problem,
 * instead of failing on its first visitor. Then starts the scheduler that
 * publishes scheduled stories at their time (lib/scheduler/timer.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkStartup } = await import("@/lib/startup");
  await checkStartup();

  const { env } = await import("@/lib/env");
  // `next build` loads this file too; it serves nothing, so it schedules nothing.
  if (env.NEXT_PHASE === "phase-production-build") return;
  const [{ startScheduler }, { schedulerToken }] = await Promise.all([import("@/lib/scheduler/timer"), import("@/lib/scheduler/token")]);
  const listening = env.HOST ?? "0.0.0.0";
  const wildcard = ["0.0.0.0", "::", "[::]", "localhost"].includes(listening);
  const host = wildcard ? "127.0.0.1" : listening.includes(":") && !listening.startsWith("[") ? `[${listening}]` : listening;
  startScheduler({
    origin: `http://${host}:${env.PORT}`,
    token: schedulerToken(),
    // Production may run several instances, each of which must notice the others' schedules soon. A development
    // server is alone (its own schedules wake it) and should not log a scheduler request every half minute.
    maxSleepMs: env.NODE_ENV === "production" ? 30_000 : 5 * 60_000,
    log: (line) => console.log(`[scheduler] ${line}`),
  });
}

/**
 * Next.js calls this for every request whose render or handler failed, before
 * it writes the 500. When the cause is a database that cannot be reached, the
 * request is marked for server/start.mjs, which answers 503 with Retry-After instead
 * (server/outage-answers.mjs). Synchronous up to the mark, so the mark comes first.
 */
export const onRequestError: Instrumentation.onRequestError = (error, request) => {
  if (isDatabaseUnavailable(error)) markDatabaseUnavailable(request.headers);
};
