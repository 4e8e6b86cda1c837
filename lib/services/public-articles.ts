import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { mayNameStoredRecord } from "@/lib/slug";
import { HIGHLIGHT_START, HIGHLIGHT_STOP, replaceWords, type SearchQuery } from "@/lib/search";

/**
 * Every public read of articles goes through here, and here only published,
 * not-deleted stories exist. Drafts are reached through the dashboard preview.
 * The selects name each column a reader may see: commenter emails and IPs,
 * source staff notes and anything else private are never selected.
 */

export const publishedWhere = { status: "PUBLISHED", deletedAt: null } as const satisfies Prisma.ArticleWhereInput;

const publicSource = { id: true, name: true, shortName: true, kind: true, url: true, description: true } as const;

const articleCard = {
  id: true,
  title: true,
  dek: true,
  slug: true,
  publishedAt: true,
  updatedAt: true,
  imageAlt: true,
  featuredImage: { select: { key: true, width: true, height: true } },
  section: { select: { name: true, slug: true } },
  bylines: { orderBy: { position: "asc" }, select: { user: { select: { name: true, slug: true } } } },
} as const satisfies Prisma.ArticleSelect;

const articlePage = {
  ...articleCard,
  bodyHtml: true,
  imageCaption: true,
  imageCredit: true,
  commentsClosed: true,
  tags: { orderBy: { tag: { name: "asc" } }, select: { tag: { select: { name: true, slug: true } } } },
  corrections: { orderBy: { createdAt: "asc" }, select: { id: true, text: true, createdAt: true } },
  citations: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      claim: true,
      factKey: true,
      factValue: true,
      reportUrl: true,
      source: { select: publicSource },
      viaSource: { select: publicSource },
    },
  },
} as const satisfies Prisma.ArticleSelect;

const feedEntry = {
  ...articleCard,
  featuredImage: { select: { key: true, width: true, height: true, mimeType: true, byteSize: true } },
  bodyHtml: true,
  tags: { select: { tag: { select: { name: true } } } },
} as const satisfies Prisma.ArticleSelect;

export type ArticleCard = Prisma.ArticleGetPayload<{ select: typeof articleCard }>;
export type PublishedArticle = Prisma.ArticleGetPayload<{ select: typeof articlePage }>;
export type FeedEntry = Prisma.ArticleGetPayload<{ select: typeof feedEntry }>;

/** The published article at this slug, shared by generateMetadata and the page. */
export const getPublishedArticle = cache(async (slug: string): Promise<PublishedArticle | null> => {
  if (!mayNameStoredRecord(slug)) return null;
  return db.article.findFirst({ where: { slug, ...publishedWhere }, select: articlePage });
});

/** Where an old slug of a published story now lives, for a permanent redirect. */
export async function findCurrentSlug(oldSlug: string): Promise<string | null> {
  if (!mayNameStoredRecord(oldSlug)) return null;
  const redirect = await db.slugRedirect.findUnique({
    where: { slug: oldSlug },
    select: { article: { select: { slug: true, status: true, deletedAt: true } } },
  });
  const article = redirect?.article;
  return article && article.status === "PUBLISHED" && !article.deletedAt ? article.slug : null;
}

export interface StoryFilters {
  sectionSlug?: string | null;
  tagSlug?: string | null;
  authorSlug?: string | null;
  /** Full-text filter; the order stays newest first. */
  query?: SearchQuery | null;
}

export interface LatestPage {
  items: ArticleCard[];
  nextCursor: string | null;
}

interface Cursor {
  publishedAt: Date;
  id: string;
}

function encodeCursor(publishedAt: Date, id: string): string {
  return Buffer.from(`${publishedAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): Cursor | null {
  const [iso, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const publishedAt = new Date(iso ?? "");
  if (rest.length > 0 || !id || Number.isNaN(publishedAt.getTime()) || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
    return null;
  }
  return { publishedAt, id };
}

/** Whether a cursor is one this service handed out (the API refuses others with 400). */
export function isValidCursor(cursor: string): boolean {
  return decodeCursor(cursor) !== null;
}

/**
 * One keyset page of published stories, newest first, on (publishedAt, id) so
 * deep pages cost the same as the first: the ids come from one SQL query that
 * walks the (status, publishedAt, id) index, then the cards are loaded by id.
 * A cursor that is not ours starts from the newest story.
 */
export async function listLatest(options: StoryFilters & { limit: number; cursor?: string | null }): Promise<LatestPage> {
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  const filterSlugs = [options.sectionSlug, options.tagSlug, options.authorSlug];
  if (filterSlugs.some((slug) => slug && !mayNameStoredRecord(slug))) return { items: [], nextCursor: null };
  const conditions: Prisma.Sql[] = [Prisma.sql`a.status = 'PUBLISHED' AND a."deletedAt" IS NULL AND a."publishedAt" IS NOT NULL`];
  if (options.sectionSlug) {
    conditions.push(Prisma.sql`a."sectionId" = (SELECT s.id FROM "Section" s WHERE s.slug = ${options.sectionSlug})`);
  }
  if (options.tagSlug) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ArticleTag" at JOIN "Tag" t ON t.id = at."tagId" WHERE at."articleId" = a.id AND t.slug = ${options.tagSlug})`,
    );
  }
  if (options.authorSlug) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ArticleByline" b JOIN "User" u ON u.id = b."userId" WHERE b."articleId" = a.id AND u.slug = ${options.authorSlug})`,
    );
  }
  if (options.query) {
    conditions.push(Prisma.sql`a.search @@ ${prefixTsquery(options.query.text)}`);
  }
  if (after) {
    // Timestamps are stored as UTC wall-clock time (timestamp without time zone).
    conditions.push(
      Prisma.sql`(a."publishedAt", a.id) < ((${after.publishedAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'), ${after.id}::uuid)`,
    );
  }
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM "Article" a
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY a."publishedAt" DESC, a.id DESC
    LIMIT ${options.limit + 1}`;

  const pageIds = rows.slice(0, options.limit).map((row) => row.id);
  const items = await cardsInOrder(pageIds);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > options.limit && last?.publishedAt ? encodeCursor(last.publishedAt, last.id) : null,
  };
}

async function cardsInOrder(ids: readonly string[]): Promise<ArticleCard[]> {
  if (ids.length === 0) return [];
  const cards = await db.article.findMany({ where: { id: { in: [...ids] }, ...publishedWhere }, select: articleCard });
  const byId = new Map(cards.map((card) => [card.id, card]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/*
 * PostgreSQL's websearch_to_tsquery reads what readers type (quotes, `or`,
 * -word) but matches whole words only, and has no prefix syntax. Its answer's
 * canonical text puts every lexeme in single quotes ('qayyara' & !'kirkuk'),
 * so a `:*` after each lexeme makes it match words that start with it
 * ("qayyara" finds "Qayyarah"), and the text is read back as a tsquery as it
 * is: the stems stay as websearch_to_tsquery made them, and the GIN index on
 * the search column answers prefix matches. Lexemes of one or two letters stay
 * exact: as prefixes they would match a good part of the vocabulary.
 */
const EVERY_LEXEME = String.raw`'((?:[^']|'')*)'`;
const AS_PREFIX = String.raw`'\1':*`;
const SHORT_PREFIX = String.raw`'((?:[^']|''){1,2})':\*`;
const AS_EXACT = String.raw`'\1'`;

/** The reader's query as a tsquery whose words also match as prefixes (see above). */
export function prefixTsquery(text: string): Prisma.Sql {
  return Prisma.sql`regexp_replace(regexp_replace(websearch_to_tsquery('english', ${text})::text, ${EVERY_LEXEME}, ${AS_PREFIX}, 'g'), ${SHORT_PREFIX}, ${AS_EXACT}, 'g')::tsquery`;
}

export interface SearchHit {
  story: ArticleCard;
  /** Title and snippet with matches between HIGHLIGHT_START and HIGHLIGHT_STOP (see lib/search.ts). */
  titleHighlight: string;
  snippetHighlight: string;
}

export interface SearchResults {
  hits: SearchHit[];
  total: number;
  /** True when more stories match than are ranked: `total` is then a lower bound. */
  more: boolean;
}

/** How many of the newest matching stories are ranked for relevance. */
export const SEARCH_CANDIDATES = 1000;

const highlightOptions = (extra: string) => `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, ${extra}`;

/**
 * Full-text search over published stories: the weighted search column
 * (title > dek > body) through its GIN index, words matching as prefixes too,
 * ranked by ts_rank, snippets by ts_headline computed only for the rows on
 * this page.
 *
 * Ranking reads every candidate's search document, so for words that half the
 * archive contains it is the newest SEARCH_CANDIDATES matches that are ranked
 * — on a news site the recent story is the one wanted — and the planner can
 * walk the publication-date index instead of ranking 100,000 rows. The query
 * is written inline (not in a CTE) so PostgreSQL can estimate how common the
 * words are and choose between the two plans.
 */
export async function searchPublished(query: SearchQuery, options: { page: number; perPage: number }): Promise<SearchResults> {
  const offset = (options.page - 1) * options.perPage;
  const tsquery = prefixTsquery(query.text);
  const rows = await db.$queryRaw<{ id: string; total: bigint; title_highlight: string; snippet_highlight: string }[]>`
    WITH candidates AS (
      SELECT a.id, a."publishedAt", a.search FROM "Article" a
      WHERE a.status = 'PUBLISHED' AND a."deletedAt" IS NULL AND a.search @@ ${tsquery}
      ORDER BY a."publishedAt" DESC, a.id DESC
      LIMIT ${SEARCH_CANDIDATES}
    ),
    ranked AS (
      SELECT c.id, c."publishedAt", ts_rank(c.search, ${tsquery}, 1) AS rank, count(*) OVER () AS total
      FROM candidates c
      ORDER BY rank DESC, c."publishedAt" DESC, c.id DESC
      LIMIT ${options.perPage} OFFSET ${offset}
    )
    SELECT r.id, r.total,
      ts_headline('english', a.title, ${tsquery}, ${highlightOptions("HighlightAll=true")}) AS title_highlight,
      ts_headline('english', CASE WHEN a."bodyText" = '' THEN a.dek ELSE a."bodyText" END, ${tsquery},
        ${highlightOptions('MaxFragments=2, MaxWords=32, MinWords=12, FragmentDelimiter=" … "')}) AS snippet_highlight
    FROM ranked r JOIN "Article" a ON a.id = r.id
    ORDER BY r.rank DESC, r."publishedAt" DESC, r.id DESC`;

  const cards = await cardsInOrder(rows.map((row) => row.id));
  const byId = new Map(cards.map((card) => [card.id, card]));
  const hits = rows.flatMap((row) => {
    const story = byId.get(row.id);
    return story ? [{ story, titleHighlight: row.title_highlight, snippetHighlight: row.snippet_highlight }] : [];
  });
  const total = Number(rows[0]?.total ?? 0);
  return { hits, total, more: total >= SEARCH_CANDIDATES };
}

/** Words of fewer letters have too few trigrams to compare; a long query is not a typo of one word. */
const SUGGEST_MIN_LETTERS = 3;
const SUGGEST_MAX_WORDS = 8;

/**
 * What to offer when a search finds nothing: the query with each word that no
 * published story uses replaced by the most similar word one does (pg_trgm's
 * similarity, over the "SearchWord" list PostgreSQL keeps of the words of
 * published stories), provided that query finds something. Null when there is
 * nothing better to offer.
 */
export async function spellingSuggestion(query: SearchQuery): Promise<string | null> {
  const typed = [...new Set(query.words.map((word) => word.toLowerCase()))]
    .filter((word) => word.length >= SUGGEST_MIN_LETTERS && !/^\p{N}+$/u.test(word))
    .slice(0, SUGGEST_MAX_WORDS);
  if (typed.length === 0) return null;
  const rows = await db.$queryRaw<{ typed: string; suggestion: string | null }[]>`
    SELECT t.typed, (
      SELECT w.word FROM "SearchWord" w
      WHERE w.word % t.typed
      ORDER BY similarity(w.word, t.typed) DESC, w.stories DESC, w.word
      LIMIT 1
    ) AS suggestion
    FROM unnest(${typed}::text[]) AS t(typed)
    WHERE NOT EXISTS (SELECT 1 FROM "SearchWord" w WHERE w.word = t.typed)`;
  const replacements = new Map(rows.flatMap((row) => (row.suggestion ? [[row.typed, row.suggestion] as const] : [])));
  if (replacements.size === 0) return null;
  const suggestion = replaceWords(query.text, replacements);
  const [answer] = await db.$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "Article" a WHERE a.status = 'PUBLISHED' AND a."deletedAt" IS NULL AND a.search @@ ${prefixTsquery(suggestion)}
    ) AS found`;
  return answer?.found ? suggestion : null;
}

export interface Listing {
  name: string;
  slug: string;
  description: string;
}

/** A section (navigation lists it even before its first story). */
export const getSection = cache(async (slug: string): Promise<Listing | null> => {
  if (!mayNameStoredRecord(slug)) return null;
  return db.section.findUnique({ where: { slug }, select: { name: true, slug: true, description: true } });
});

/** A tag, if at least one published story carries it: tags of drafts stay unknown. */
export const getTag = cache(async (slug: string): Promise<Listing | null> => {
  if (!mayNameStoredRecord(slug)) return null;
  const tag = await db.tag.findFirst({
    where: { slug, articles: { some: { article: publishedWhere } } },
    select: { name: true, slug: true },
  });
  return tag && { ...tag, description: "" };
});

export interface PublicAuthor {
  name: string;
  slug: string;
  bio: string;
}

/** A staff member's public page, if they have a byline on a published story. */
export const getAuthor = cache(async (slug: string): Promise<PublicAuthor | null> => {
  if (!mayNameStoredRecord(slug)) return null;
  return db.user.findFirst({
    where: { slug, bylines: { some: { article: publishedWhere } } },
    select: { name: true, slug: true, bio: true },
  });
});

/** The newest published stories with their bodies, for RSS. */
export async function listFeedEntries(options: { sectionSlug?: string; limit: number }): Promise<FeedEntry[]> {
  if (options.sectionSlug && !mayNameStoredRecord(options.sectionSlug)) return [];
  return db.article.findMany({
    where: { ...publishedWhere, ...(options.sectionSlug ? { section: { slug: options.sectionSlug } } : {}) },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: options.limit,
    select: feedEntry,
  });
}

export interface SitemapData {
  stories: { slug: string; updatedAt: Date }[];
  sections: { slug: string }[];
  tags: { slug: string }[];
  authors: { slug: string }[];
}

/** Everything a crawler should find, published only; one sitemap holds at most 50,000 URLs. */
export async function sitemapData(maxStories = 45_000): Promise<SitemapData> {
  const [stories, sections, tags, authors] = await Promise.all([
    db.article.findMany({
      where: publishedWhere,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: maxStories,
      select: { slug: true, updatedAt: true },
    }),
    db.section.findMany({ orderBy: { position: "asc" }, select: { slug: true } }),
    db.tag.findMany({ where: { articles: { some: { article: publishedWhere } } }, orderBy: { slug: "asc" }, take: 2_000, select: { slug: true } }),
    db.user.findMany({ where: { bylines: { some: { article: publishedWhere } } }, orderBy: { slug: "asc" }, take: 2_000, select: { slug: true } }),
  ]);
  return { stories, sections, tags, authors };
}
