import "server-only";
import { Feed } from "feed";
import { env } from "@/lib/env";
import type { FeedEntry } from "@/lib/services/public-articles";
import { mediaUrl } from "@/lib/storage/urls";

/**
 * RSS 2.0 for the whole site and for each section, written by the `feed`
 * library (escaping, CDATA, dates in RFC 822). Items carry the dek as the
 * description and the sanitized body as content:encoded; bylines go in
 * dc:creator because RSS's own <author> must be an email address, and staff
 * emails are not published.
 */

export interface FeedChannel {
  title: string;
  description: string;
  /** Site path of the page the feed mirrors, e.g. "/" or "/sections/world". */
  pagePath: string;
  /** Site path of the feed itself. */
  feedPath: string;
}

const RSS_CONTENT_TYPE = "application/rss+xml; charset=utf-8";

export function renderRss(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const site = env.SITE_URL;
  const feed = new Feed({
    title: channel.title,
    description: channel.description,
    id: `${site}${channel.pagePath}`,
    link: `${site}${channel.pagePath}`,
    language: "en",
    feedLinks: { rss: `${site}${channel.feedPath}` },
    updated: new Date(Math.max(0, ...entries.map((entry) => entry.updatedAt.getTime()))),
    generator: "Newsroom",
    ttl: 15,
    copyright: `© ${channel.title}`,
  });
  for (const entry of entries) {
    const url = `${site}/articles/${entry.slug}`;
    const names = entry.bylines.map(({ user }) => user.name);
    feed.addItem({
      title: entry.title,
      link: url,
      date: entry.publishedAt ?? entry.updatedAt,
      description: entry.dek || undefined,
      content: entry.bodyHtml,
      category: [
        ...(entry.section ? [{ name: entry.section.name, domain: `${site}/sections/${entry.section.slug}` }] : []),
        ...entry.tags.map(({ tag }) => ({ name: tag.name })),
      ],
      ...(entry.featuredImage
        ? { enclosure: { url: `${site}${mediaUrl(entry.featuredImage.key)}`, type: entry.featuredImage.mimeType, length: entry.featuredImage.byteSize } }
        : {}),
      extensions: names.length ? [{ name: "dc:creator", objects: { _text: names.join(", ") } }] : [],
    });
  }
  return feed.rss2();
}

export function rssResponse(xml: string): Response {
  return new Response(xml, { headers: { "Content-Type": RSS_CONTENT_TYPE } });
}
