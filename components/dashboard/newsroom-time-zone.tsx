"use client";

import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_TIME_ZONE } from "@/lib/dates";

/**
 * The newsroom's time zone (a site setting) for the dashboard's client
 * components, which format dates with lib/dates.ts as the server does. The
 * dashboard layout reads the setting once per request and provides it here.
 */
const TimeZoneContext = createContext(DEFAULT_TIME_ZONE);

export function NewsroomTimeZone({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <TimeZoneContext value={timeZone}>{children}</TimeZoneContext>;
}

export function useNewsroomTimeZone(): string {
  return useContext(TimeZoneContext);
}
