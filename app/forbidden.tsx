import type { Metadata } from "next";
import { StatusPage } from "@/components/ui/status-page";

export const metadata: Metadata = { title: "Not allowed" };

export default function Forbidden() {
  return (
    <main id="main">
      <StatusPage code="403" title="You don’t have access to this page">
        <p>Your role does not include this part of the dashboard. Ask an administrator if you need it.</p>
      </StatusPage>
    </main>
  );
}
