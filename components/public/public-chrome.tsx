import type { ReactNode } from "react";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { listSections, type SectionLink } from "@/lib/services/sections";
import { getSetting } from "@/lib/services/settings";
import { readSetting, type SiteSettings } from "@/lib/settings";
import { Masthead } from "./masthead";
import { SiteFooter } from "./site-footer";

/**
 * The masthead's sections and the site's name. When the database is down the
 * masthead falls back to the defaults rather than failing with the page, so the
 * error page inside it still renders for readers (with or without JavaScript).
 */
async function chrome(): Promise<{ sections: SectionLink[]; site: SiteSettings }> {
  try {
    const [sections, site] = await Promise.all([listSections(), getSetting("site")]);
    return { sections, site };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return { sections: [], site: readSetting("site", undefined) };
  }
}

/** Masthead, main landmark and footer around every reader-facing page (and the 404). */
export async function PublicChrome({ children }: { children: ReactNode }) {
  const { sections, site } = await chrome();
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
