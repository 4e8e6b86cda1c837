import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * The in-process scheduler calls its own server's internal route; this header
 * proves the call comes from the app itself. The token is derived from
 * AUTH_SECRET, so there is nothing extra to configure and nothing a visitor
 * could guess.
 */
export const SCHEDULER_HEADER = "x-newsroom-scheduler";

export function schedulerToken(): string {
  return createHmac("sha256", env.AUTH_SECRET).update("newsroom:scheduler:v1").digest("base64url");
}

export function isSchedulerToken(value: string | null): boolean {
  if (!value) return false;
  const expected = Buffer.from(schedulerToken());
  const given = Buffer.from(value);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
