/**
 * What a WordPress export (WXR) holds, as the reader hands it over: field
 * values exactly as WordPress wrote them (CDATA and XML entities decoded, HTML
 * entities left alone), one record at a time. The rules that turn these into
 * Newsroom's stories, comments and people live in the other modules here.
 */

export type WxrVersion = "1.0" | "1.1" | "1.2";

export interface WxrSite {
  title: string;
  /** The channel's <link>: the site's home address. */
  link: string;
  description: string;
  language: string;
  wxrVersion: WxrVersion;
  /** wp:base_site_url — where WordPress is installed (falls back to <link>). */
  baseSiteUrl: string;
  /** wp:base_blog_url — the blog's address; on most sites the same as baseSiteUrl. */
  baseBlogUrl: string;
}

export interface WxrAuthor {
  wordpressId: number | null;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

export interface WxrMeta {
  key: string;
  value: string;
}

/**
 * A category, tag, nav menu or custom taxonomy term. WordPress writes each
 * category and tag twice (as wp:category/wp:tag and again as wp:term); the
 * reader hands each taxonomy + slug over once.
 */
export interface WxrTerm {
  wordpressId: number | null;
  /** "category", "post_tag", "nav_menu", "post_format" or a custom taxonomy. */
  taxonomy: string;
  slug: string;
  name: string;
  /** The parent's slug (WordPress writes slugs, not ids), or "" for a top-level term. */
  parentSlug: string;
  description: string;
  meta: WxrMeta[];
}

/** A category or tag named on an item: `<category domain="post_tag" nicename="iraq">Iraq</category>`. */
export interface WxrItemTerm {
  taxonomy: string;
  slug: string;
  name: string;
}

export interface WxrComment {
  wordpressId: number | null;
  author: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  /** Local time of the site, "YYYY-MM-DD HH:MM:SS". */
  date: string;
  /** UTC, "YYYY-MM-DD HH:MM:SS" (or "0000-00-00 00:00:00"). */
  dateGmt: string;
  content: string;
  /** "1", "0", "spam", "trash", "post-trashed" … as WordPress stores it. */
  approved: string;
  /** "comment" (or "" on older sites), "pingback", "trackback", or a plugin's own type. */
  type: string;
  /** The parent comment's WordPress id; 0 for a top-level comment. */
  parentId: number;
  userId: number;
  meta: WxrMeta[];
}

export interface WxrItem {
  wordpressId: number;
  /** "post", "page", "attachment", "nav_menu_item" or any custom post type. */
  postType: string;
  title: string;
  link: string;
  guid: string;
  pubDate: string;
  /** dc:creator — the author's login. */
  creator: string;
  content: string;
  excerpt: string;
  postDate: string;
  postDateGmt: string;
  modifiedDate: string;
  modifiedDateGmt: string;
  commentStatus: string;
  pingStatus: string;
  /** As stored: percent-encoded and lower-case for non-ASCII slugs, empty for most drafts. */
  postName: string;
  status: string;
  parentId: number;
  menuOrder: number;
  password: string;
  isSticky: boolean;
  attachmentUrl: string;
  terms: WxrItemTerm[];
  meta: WxrMeta[];
  comments: WxrComment[];
  /** Line of the file where the item starts, for reports. */
  line: number;
}

/** A record the reader could not hand over (no id, no slug…), with the reason for the report. */
export interface WxrSkipped {
  what: "item" | "author" | "term";
  line: number;
  wordpressId: number | null;
  /** Its title, name or display name, to name it in the report. */
  label: string;
  reason: string;
}

/** Repairs the reader made on the way, for the report. */
export interface WxrEnd {
  /** Control characters XML forbids, dropped from field values. */
  removedControlCharacters: number;
  /** Terms written a second time (wp:term after wp:category / wp:tag), handed over once. */
  duplicateTerms: number;
}

export type WxrRecord =
  | { kind: "site"; site: WxrSite }
  | { kind: "author"; author: WxrAuthor }
  | { kind: "term"; term: WxrTerm }
  | { kind: "item"; item: WxrItem }
  | { kind: "skipped"; skipped: WxrSkipped }
  | ({ kind: "end" } & WxrEnd);
