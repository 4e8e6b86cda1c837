import { authorNicename } from "./people";
import { decodePostName } from "./slugs";

/*
 * WordPress builds a post's address from a permalink structure such as
 * /%year%/%monthnum%/%postname%/ — but the export does not say which one the
 * site used. Each published post's <link> does, though: comparing the links
 * with the posts' dates, ids, slugs, categories and authors gives the
 * structure back, so redirects can be made for any structure and for posts
 * whose link is not in the file (e.g. a scheduled post that goes live later).
 */

export interface PermalinkPost {
  wordpressId: number;
  /** The <link> WordPress wrote (absolute). */
  link: string;
  /** post_name as stored (percent-encoded for non-ASCII). */
  postName: string;
  /** post_date: the site's local time, which WordPress uses in addresses. */
  postDate: string;
  /** The primary category's slug path, parents first (["news", "world"]), or []. */
  categoryPath: string[];
  authorLogin: string;
}

export interface InferredStructure {
  /** e.g. "/%year%/%monthnum%/%postname%/" or "/?p=%post_id%". */
  structure: string;
  /** How many of the posts given have exactly that address. */
  matching: number;
  total: number;
}

const DATE_PARTS = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function dateTags(postDate: string): Record<string, string> {
  const match = DATE_PARTS.exec(postDate.trim());
  if (!match) return {};
  const [, year, month, day, hour, minute, second] = match as unknown as string[];
  return { "%year%": year!, "%monthnum%": month!, "%day%": day!, "%hour%": hour!, "%minute%": minute!, "%second%": second! };
}

/** The path of an address below the site's own path, with WordPress's plain `?p=` style query kept. */
function pathBelowSite(url: string, siteUrl: string): string | null {
  let address: URL;
  let site: URL;
  try {
    site = new URL(siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`);
    address = new URL(url, site);
  } catch {
    return null;
  }
  let path = address.pathname;
  if (site.pathname !== "/" && path.startsWith(site.pathname)) path = `/${path.slice(site.pathname.length)}`;
  const plain = ["p", "page_id", "cat", "tag", "author", "attachment_id"].find((name) => address.searchParams.has(name));
  return plain ? `${path}?${plain}=${address.searchParams.get(plain)}` : path;
}

const sameSegment = (a: string, b: string) => decodePostName(a).toLowerCase() === decodePostName(b).toLowerCase();

/** A structure that would give this one post its address, read off its path. */
function structureOfOne(post: PermalinkPost, path: string): string {
  if (/\?p=\d+$/.test(path)) return path.replace(/\?p=\d+$/, "?p=%post_id%");
  const dates = dateTags(post.postDate);
  const dateByValue = Object.entries(dates);
  const used = new Set<string>();
  let joined = path;
  if (post.categoryPath.length > 0) {
    const categories = `/${post.categoryPath.join("/")}/`;
    if (joined.includes(categories)) joined = joined.replace(categories, "/%category%/");
  }
  const segments = joined.split("/").map((segment) => {
    if (segment === "" || segment === "%category%") return segment;
    if (post.postName && sameSegment(segment, post.postName)) return "%postname%";
    if (post.postName && decodePostName(segment).toLowerCase().startsWith(`${decodePostName(post.postName).toLowerCase()}.`)) {
      return `%postname%${segment.slice(segment.lastIndexOf("."))}`;
    }
    if (segment === String(post.wordpressId)) return "%post_id%";
    if (post.authorLogin && segment === authorNicename(post.authorLogin)) return "%author%";
    const date = dateByValue.find(([tag, value]) => value === segment && !used.has(tag));
    if (date) {
      used.add(date[0]);
      return date[0];
    }
    return segment;
  });
  return segments.join("/");
}

/** A post's address path under a structure: what WordPress's get_permalink() would give. */
export function permalinkPath(structure: string, post: Omit<PermalinkPost, "link">): string {
  const values: Record<string, string> = {
    ...dateTags(post.postDate),
    "%post_id%": String(post.wordpressId),
    "%postname%": post.postName,
    "%pagename%": post.postName,
    "%category%": post.categoryPath.join("/"),
    "%author%": authorNicename(post.authorLogin),
  };
  return structure.replace(/%[a-z_]+%/g, (tag) => values[tag] ?? tag);
}

/**
 * The structure that explains the most links. Drafts and other posts whose
 * <link> is WordPress's `?p=` fallback only count when nothing else is found.
 */
export function inferPermalinkStructure(posts: readonly PermalinkPost[], siteUrl: string): InferredStructure | null {
  const paths = posts.flatMap((post) => {
    const path = pathBelowSite(post.link, siteUrl);
    return path ? [{ post, path }] : [];
  });
  if (paths.length === 0) return null;
  const candidates = [...new Set(paths.map(({ post, path }) => structureOfOne(post, path)))];
  let best: InferredStructure | null = null;
  for (const structure of candidates) {
    const matching = paths.filter(({ post, path }) => oldAddressKey(permalinkPath(structure, post), siteUrl) === oldAddressKey(path, siteUrl)).length;
    const plain = structure.includes("?p=");
    const better = !best || matching > best.matching || (best.structure.includes("?p=") && !plain && matching > 0);
    if (better) best = { structure, matching, total: paths.length };
  }
  return best;
}

/**
 * The one form of an old address that redirects are keyed by: the path below
 * the site (plain `?p=`, `?page_id=`… kept), percent-escapes decoded so
 * `%E2%98%95` and `%e2%98%95` and `☕` are the same, and no trailing slash.
 */
export function oldAddressKey(url: string, siteUrl: string): string | null {
  const path = pathBelowSite(url, siteUrl);
  if (path === null) return null;
  const [pathname = "/", query] = path.split("?");
  const decoded = decodePostName(pathname).replace(/\/+$/, "") || "/";
  return query ? `${decoded}?${query}` : decoded;
}
