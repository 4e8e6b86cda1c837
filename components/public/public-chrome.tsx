import type { ReactNode } from "react";
import { listSections } from "@/lib/services/sections";
import { getSetting } from "@/lib/services/settings";
import { Masthead } from "./masthead";
import { SiteFooter } from "./site-footer";

/** Masthead, main landmark and footer around every reader-facing page (and the 404). */
export async function PublicChrome({ children }: { children: ReactNode }) {
  const [sections, site] = await Promise.all([listSections(), getSetting("site")]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Masthead siteName={site.name} tagline={site.tagline} sections={sections} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter siteName={site.name} />
    </>
  );
}
