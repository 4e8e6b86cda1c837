import type { Metadata } from "next";
import Link from "next/link";
import { PublicChrome } from "@/components/public/public-chrome";
import { StatusPage } from "@/components/ui/status-page";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

export default function NotFound() {
  return (
    <PublicChrome>
      <StatusPage code="404" title="We can’t find that page">
        <p>The story may have moved or been taken down, or the address may be mistyped.</p>
        <p>
          <Link href="/search">Search our stories</Link> or browse the sections above.
        </p>
      </StatusPage>
    </PublicChrome>
  );
}
