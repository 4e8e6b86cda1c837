import type { Metadata } from "next";
import type { ReactNode } from "react";
import { PublicChrome } from "@/components/public/public-chrome";

// Previews are for staff: never indexed, never cached (the page reads the session).
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function PreviewLayout({ children }: { children: ReactNode }) {
  return <PublicChrome>{children}</PublicChrome>;
}
