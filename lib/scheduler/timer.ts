import { SCHEDULER_HEADER } from "./token";

/**
 * Makes scheduled stories go live with nobody acting and no cron outside the
 * app. Started once per server process from instrumentation.ts, it asks the
 * app's own internal route (over loopback) to publish whatever is due: a
 * route handler, unlike a bare timer, runs inside a request, where Next.js
 * lets it revalidate the cached pages that show the story. The route answers
 * when the next story is due, so the timer sleeps until exactly then (and
 * never longer than `maxSleepMs`, to notice stories scheduled by another instance).
 * Saving a schedule in this process wakes it early through `wakeScheduler`.
 */

const RETRY_MS = 5_000;

interface SchedulerHandle {
  wake: (at: Date) => void;
}

const registry = globalThis as unknown as { newsroomScheduler?: SchedulerHandle };

export function startScheduler(options: { origin: string; token: string; maxSleepMs: number; log: (line: string) => void }): void {
  if (registry.newsroomScheduler) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let plannedAt = Number.POSITIVE_INFINITY;
  let running = false;

  const plan = (delay: number) => {
    if (timer) clearTimeout(timer);
    plannedAt = Date.now() + delay;
    timer = setTimeout(() => void tick(), delay);
    // The scheduler never keeps a process alive on its own.
    timer.unref();
  };

  const tick = async () => {
    if (running) return;
    running = true;
    let delay = options.maxSleepMs;
    try {
      const response = await fetch(`${options.origin}/api/internal/scheduler`, {
        method: "POST",
        headers: { [SCHEDULER_HEADER]: options.token },
        signal: AbortSignal.timeout(20_000),
      });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      const answer = (await response.json()) as { published?: unknown[]; nextAt?: string | null };
      if (answer.published?.length) options.log(`published ${answer.published.length} scheduled stor${answer.published.length === 1 ? "y" : "ies"}`);
      if (answer.nextAt) delay = Math.min(options.maxSleepMs, Math.max(250, Date.parse(answer.nextAt) - Date.now() + 50));
    } catch {
      // The server may still be starting, or the database restarting: try again soon.
      delay = RETRY_MS;
    } finally {
      running = false;
      plan(delay);
    }
  };

  registry.newsroomScheduler = {
    wake(at: Date) {
      const delay = Math.max(250, at.getTime() - Date.now() + 50);
      if (Date.now() + delay < plannedAt) plan(delay);
    },
  };
  plan(1_000);
}

/** A story was scheduled for `at`: make sure this process looks again by then. */
export function wakeScheduler(at: Date): void {
  registry.newsroomScheduler?.wake(at);
}
