import type { APIRequestContext } from "@playwright/test";

/**
 * Every public address of the site, found the way an outsider finds them:
 * starting from its own indexes (robots.txt, the sitemap, the feeds, the JSON
 * API's list) and the front page, then following every same-site address in
 * what comes back — links in pages, `<loc>`/`<link>` in XML, URLs in JSON, a
 * listed story's API answers and the API's next pages. Nothing is listed by
 * hand but the seeds, so a new page, feed or endpoint that is linked anywhere
 * is crawled.
 *
 * Not followed: the staff side (dashboard, sign-in's endpoints), Next.js's
 * own assets, and uploaded images (bytes, not text).
 */

export interface CrawledAddress {
  address: string;
  status: number;
  body: string;
}

const notPublic = [/^\/dashboard(\/|$)/, /^\/api\/auth(\/|$)/, /^\/_next\//, /^\/media\//, /^\/preview\//];

/** The JSON API's own addresses for a listed story: its answer and its thread. */
function apiAddressesOf(value: unknown, path: string, query: URLSearchParams): string[] {
  if (!path.startsWith("/api/v1/articles") || typeof value !== "object" || value === null) return [];
  const found: string[] = [];
  const { items, nextCursor } = value as { items?: unknown; nextCursor?: unknown };
  if (path === "/api/v1/articles" && Array.isArray(items)) {
    for (const item of items) {
      const slug = (item as { slug?: unknown }).slug;
      if (typeof slug === "string") found.push(`/api/v1/articles/${slug}`, `/api/v1/articles/${slug}/comments`);
    }
    if (typeof nextCursor === "string") {
      const next = new URLSearchParams(query);
      next.set("cursor", nextCursor);
      found.push(`${path}?${next}`);
    }
  }
  return found;
}

/** Every string in a JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

function addressesIn(body: string, contentType: string, path: string, query: URLSearchParams): string[] {
  if (contentType.includes("json")) {
    try {
      const value: unknown = JSON.parse(body);
      // Addresses only: absolute URLs and paths, not every word a story has.
      const links = stringsIn(value).filter((text) => /^(https?:\/\/|\/[^/])/.test(text));
      return [...links, ...apiAddressesOf(value, path, query)];
    } catch {
      return [];
    }
  }
  const decode = (text: string) => text.replaceAll("&amp;", "&");
  return [
    ...[...body.matchAll(/\bhref="([^"]+)"/g)].map((match) => decode(match[1]!)),
    ...[...body.matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>/g)].map((match) => decode(match[1]!.trim())),
    // robots.txt names the sitemap.
    ...[...body.matchAll(/^Sitemap:\s*(\S+)/gim)].map((match) => match[1]!),
  ];
}

/**
 * Crawls from `seeds`, `concurrency` requests at a time, and returns every
 * address it fetched with its final status (redirects followed) and body.
 * `siteOrigins` are the origins that count as this site (the address the test
 * reaches it at, and SITE_URL, which absolute links use).
 */
export async function crawlPublicSite(
  request: APIRequestContext,
  options: { seeds: string[]; siteOrigins: string[]; concurrency?: number },
): Promise<CrawledAddress[]> {
  const seen = new Set<string>();
  const queue: string[] = [];
  const crawled: CrawledAddress[] = [];
  const enqueue = (candidate: string) => {
    let url: URL;
    try {
      url = new URL(candidate, options.siteOrigins[0]);
    } catch {
      return;
    }
    if (!options.siteOrigins.includes(url.origin) || notPublic.some((pattern) => pattern.test(url.pathname))) return;
    const address = url.pathname + url.search;
    if (seen.has(address)) return;
    seen.add(address);
    queue.push(address);
  };
  options.seeds.forEach(enqueue);

  let active = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      if (queue.length === 0 && active === 0) return resolve();
      while (active < (options.concurrency ?? 4) && queue.length > 0) {
        const address = queue.shift()!;
        active += 1;
        request
          .get(address)
          .then(async (response) => {
            const body = await response.text();
            crawled.push({ address, status: response.status(), body });
            const url = new URL(address, options.siteOrigins[0]);
            addressesIn(body, response.headers()["content-type"] ?? "", url.pathname, url.searchParams).forEach(enqueue);
          })
          .then(() => {
            active -= 1;
            pump();
          }, reject);
      }
    };
    pump();
  });
  return crawled;
}
