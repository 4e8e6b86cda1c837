import type { Metadata } from "next";
import type { ReactNode } from "react";
import { PublicChrome } from "@/components/public/public-chrome";
import { getSetting } from "@/lib/services/settings";

export async function generateMetadata(): Promise<Metadata> {
  const site = await getSetting("site");
  return {
    title: { default: site.name, template: `%s · ${site.name}` },
    description: site.tagline,
    alternates: { types: { "application/rss+xml": [{ url: "/feed.xml", title: `${site.name}: latest stories` }] } },
    openGraph: { siteName: site.name },
  };
}

export default function PublicLayout({ children }: { children: ReactNode }) {
  return <PublicChrome>{children}</PublicChrome>;
}
