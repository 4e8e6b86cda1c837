import { renderRss, rssResponse } from "@/lib/feeds";
import { listFeedEntries } from "@/lib/services/public-articles";
import { getSetting } from "@/lib/services/settings";

// Cached like the front page and revalidated with it (lib/revalidate.ts).
export const revalidate = 3600;

/** /feed.xml — the newest published stories, RSS 2.0. */
export async function GET(): Promise<Response> {
  const [site, entries] = await Promise.all([getSetting("site"), listFeedEntries({ limit: 50 })]);
  return rssResponse(renderRss({ title: site.name, description: site.tagline, pagePath: "/", feedPath: "/feed.xml" }, entries));
}
