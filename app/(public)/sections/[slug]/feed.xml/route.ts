import { renderRss, rssResponse } from "@/lib/feeds";
import { getSection, listFeedEntries } from "@/lib/services/public-articles";
import { getSetting } from "@/lib/services/settings";

// Cached and revalidated with the section's page (lib/revalidate.ts).
export const revalidate = 3600;

export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Context = { params: Promise<{ slug: string }> };

/** /sections/{slug}/feed.xml — the newest published stories of one section. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  const section = await getSection(slug);
  if (!section) return new Response("There is no such section.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const [site, entries] = await Promise.all([getSetting("site"), listFeedEntries({ sectionSlug: section.slug, limit: 50 })]);
  return rssResponse(
    renderRss(
      {
        title: `${site.name}: ${section.name}`,
        description: section.description || `The latest ${section.name} stories from ${site.name}.`,
        pagePath: `/sections/${section.slug}`,
        feedPath: `/sections/${section.slug}/feed.xml`,
      },
      entries,
    ),
  );
}
