import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { requirePageUser } from "@/lib/auth";

export const metadata: Metadata = { title: { default: "Dashboard", template: "%s · Newsroom dashboard" }, robots: { index: false } };

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return <DashboardShell user={user}>{children}</DashboardShell>;
}
