import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { NewsroomTimeZone } from "@/components/dashboard/newsroom-time-zone";
import { requirePageUser } from "@/lib/auth";
import { getTimeZone } from "@/lib/services/settings";

export const metadata: Metadata = { title: { default: "Dashboard", template: "%s · Newsroom dashboard" }, robots: { index: false } };

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const [user, timeZone] = await Promise.all([requirePageUser(), getTimeZone()]);
  return (
    <NewsroomTimeZone timeZone={timeZone}>
      <DashboardShell user={user}>{children}</DashboardShell>
    </NewsroomTimeZone>
  );
}
