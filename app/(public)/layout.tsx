import type { Metadata } from "next";
import type { ReactNode } from "react";
import { PublicChrome } from "@/components/public/public-chrome";
import { getSetting } from "@/lib/services/settings";

export async function generateMetadata(): Promise<Metadata> {
  const site = await getSetting("site");
  return {
    // Absolute: the root layout's "%s · Newsroom" would otherwise wrap the site's own name ("Newsroom · Newsroom").
    title: { absolute: site.name, template: `%s · ${site.name}` },
    description: site.tagline,
    alternates: { types: { "application/rss+xml": [{ url: "/feed.xml", title: `${site.name}: latest stories` }] } },
    openGraph: { siteName: site.name },
  };
}

export default function PublicLayout({ children }: { children: ReactNode }) {
  return <PublicChrome>{children}</PublicChrome>;
}
