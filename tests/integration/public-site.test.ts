import { beforeAll, describe, expect, test } from "vitest";
import * as sectionFeed from "@/app/(public)/sections/[slug]/feed.xml/route";
import * as siteFeed from "@/app/feed.xml/route";
import sitemap from "@/app/sitemap";
import { db } from "@/lib/db";
import { HIGHLIGHT_START, HIGHLIGHT_STOP, parseSearchQuery } from "@/lib/search";
import { getAuthor, getTag, listLatest, searchPublished, spellingSuggestion } from "@/lib/services/public-articles";
import { apiRequest, routeParams } from "../support/api-client";
import { makeStaff } from "../support/staff-factory";
import { makeStory, uniqueTag } from "../support/story-factory";

function search(text: string, page = 1, perPage = 10) {
  const query = parseSearchQuery(text);
  if (!query) throw new Error(`nothing to search in ${text}`);
  return searchPublished(query, { page, perPage });
}

describe("full-text search", () => {
  const word = `quokka${uniqueTag().replace(/\d/g, "y")}`;
  // Ends in a consonant: the English stemmer turns a final "y" into "i", and a stemmed start is what is matched.
  const place = `wallaby${uniqueTag().replace(/\d/g, "q")}k`;
  const slugs: Record<string, string> = {};

  beforeAll(async () => {
    slugs.inTitle = (await makeStory({ title: `The ${word} returns`, paragraphs: ["Nothing else to say."] })).slug;
    slugs.inDek = (await makeStory({ dek: `Why the ${word} matters`, paragraphs: ["Nothing else to say."] })).slug;
    slugs.inBody = (await makeStory({ paragraphs: [`Deep in the third paragraph a ${word} appears <script>alert(1)</script> once.`] })).slug;
    slugs.phrase = (await makeStory({ paragraphs: [`They were buried alive near ${place}ville, reports say.`] })).slug;
    slugs.aliveOnly = (await makeStory({ paragraphs: [`Alive, and buried under paperwork near ${place}ville.`] })).slug;
    for (const status of ["DRAFT", "IN_REVIEW", "SCHEDULED", "UNPUBLISHED"] as const) {
      slugs[status] = (await makeStory({ status, title: `Hidden ${word}` })).slug;
    }
    slugs.deleted = (await makeStory({ title: `Deleted ${word}`, deletedAt: new Date() })).slug;
  });

  test("ranks a title match above a dek match above a body match, published stories only", async () => {
    const results = await search(word);
    expect(results.hits.map((hit) => hit.story.slug)).toEqual([slugs.inTitle, slugs.inDek, slugs.inBody]);
    expect(results).toMatchObject({ total: 3, more: false });
  });

  test("snippets mark the matches and carry the story's text only as text", async () => {
    const results = await search(word);
    const body = results.hits.find((hit) => hit.story.slug === slugs.inBody);
    expect(body?.snippetHighlight).toContain(`${HIGHLIGHT_START}${word}${HIGHLIGHT_STOP}`);
    // PostgreSQL's parser drops tag-like tokens from snippets; whatever remains is rendered as text (lib/search.ts).
    expect(body?.snippetHighlight).toContain("alert(1)");
    expect(body?.snippetHighlight).not.toMatch(/<\/?script/);
    const title = results.hits.find((hit) => hit.story.slug === slugs.inTitle);
    expect(title?.titleHighlight).toBe(`The ${HIGHLIGHT_START}${word}${HIGHLIGHT_STOP} returns`);
  });

  test("quoted phrases, exclusions, odd punctuation and stop words never fail", async () => {
    expect((await search(`"buried alive" ${place}ville`)).hits.map((hit) => hit.story.slug)).toEqual([slugs.phrase]);
    expect((await search(`${word} -returns`)).hits.map((hit) => hit.story.slug)).toEqual([slugs.inDek, slugs.inBody]);
    for (const odd of [`"${word}`, `${word}:*`, `(${word} | !x) & <->`, "the and of", `'; DROP TABLE "Article"; --`, `\\${word}\\`, "a:b:c"]) {
      await expect(search(odd)).resolves.toMatchObject({ hits: expect.any(Array) });
    }
  });

  test("a word matches the words it starts (“qayyara” finds “Qayyarah”), in phrases and exclusions too", async () => {
    const found = (text: string) => search(text).then((results) => results.hits.map((hit) => hit.story.slug).sort());
    expect(await found(place)).toEqual([slugs.phrase, slugs.aliveOnly].sort());
    // Quotes still mean adjacent words, prefixes or not; a minus still leaves out.
    expect(await found(`"buried aliv" ${place}`)).toEqual([slugs.phrase]);
    expect(await found(`${place} -paperwor`)).toEqual([slugs.phrase]);
    // One or two letters stay whole words: "wa" does not find "wallaby…".
    expect(await found(`${place} wa`)).toEqual([]);
    // The title's prefix match is marked in full ("quokka" alone: a cut-off "…yy" would stem to "…yi").
    const [title] = (await search("quokka")).hits;
    expect(title?.titleHighlight).toBe(`The ${HIGHLIGHT_START}${word}${HIGHLIGHT_STOP} returns`);
  });

  test("pages through the ranked results", async () => {
    const first = await search(word, 1, 2);
    const second = await search(word, 2, 2);
    expect(first.total).toBe(3);
    expect([...first.hits, ...second.hits].map((hit) => hit.story.slug)).toEqual([slugs.inTitle, slugs.inDek, slugs.inBody]);
    expect((await search(word, 9, 2)).hits).toEqual([]);
  });
});

describe("spelling suggestions when nothing matches", () => {
  const suggest = (text: string) => spellingSuggestion(parseSearchQuery(text)!);
  const typo = (word: string) => word.slice(0, 3) + word.slice(4);

  test("a misspelt word is offered as the word a published story uses, keeping the query's syntax", async () => {
    const word = `zanzibarite${uniqueTag().replace(/\d/g, "q")}`;
    await makeStory({ paragraphs: [`Traders from ${word} arrived.`] });
    expect((await search(typo(word))).total).toBe(0);
    expect(await suggest(typo(word))).toBe(word);
    expect(await suggest(`"traders from ${typo(word)}" -nothing`)).toBe(`"traders from ${word}" -nothing`);
    // A query that finds nothing whatever the spelling offers nothing.
    expect(await suggest(`${typo(word)} -traders`)).toBeNull();
  });

  test("the word list is the published stories' words: drafts never enter it, unpublishing, deleting and editing take words out", async () => {
    // How many published stories the database counts for a word (the list suggestions are drawn from).
    const stories = async (word: string) => (await db.searchWord.findUnique({ where: { word } }))?.stories ?? 0;
    const hidden = `secretive${uniqueTag().replace(/\d/g, "q")}`;
    for (const status of ["DRAFT", "IN_REVIEW", "SCHEDULED"] as const) await makeStory({ status, paragraphs: [`The ${hidden} plan.`] });
    expect(await stories(hidden)).toBe(0);
    expect(await suggest(typo(hidden))).toBeNull();

    const before = `lighthouse${uniqueTag().replace(/\d/g, "q")}`;
    const after = `harbourmaster${uniqueTag().replace(/\d/g, "q")}`;
    const story = await makeStory({ paragraphs: [`The ${before} keeper.`] });
    await makeStory({ paragraphs: [`Another ${before}.`] });
    expect(await stories(before)).toBe(2);
    expect(await suggest(typo(before))).toBe(before);
    await db.article.update({ where: { id: story.id }, data: { bodyText: `The ${after} keeper.` } });
    expect([await stories(before), await stories(after)]).toEqual([1, 1]);
    expect(await suggest(typo(after))).toBe(after);
    await db.article.update({ where: { id: story.id }, data: { status: "UNPUBLISHED" } });
    expect(await stories(after)).toBe(0);
    expect(await suggest(typo(after))).toBeNull();
    await db.article.update({ where: { id: story.id }, data: { status: "PUBLISHED" } });
    expect(await stories(after)).toBe(1);
    await db.article.update({ where: { id: story.id }, data: { deletedAt: new Date() } });
    expect(await stories(after)).toBe(0);
  });
});

describe("feeds and sitemap", () => {
  test("list published stories only, the section feed its section only", async () => {
    const section = `feed-${uniqueTag()}`;
    const published = await makeStory({ sectionSlug: section, title: `Feed story ${uniqueTag()} & <friends>` });
    const elsewhere = await makeStory({ title: `Elsewhere ${uniqueTag()}` });
    const hidden = await Promise.all(
      (["DRAFT", "IN_REVIEW", "SCHEDULED", "UNPUBLISHED"] as const).map((status) => makeStory({ status, sectionSlug: section })),
    );

    const site = await siteFeed.GET();
    expect(site.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const siteXml = await site.text();
    expect(siteXml).toContain('<rss version="2.0"');
    expect(siteXml).toContain(`/articles/${published.slug}</link>`);
    expect(siteXml).toContain(`<![CDATA[${published.title}]]>`);
    for (const story of hidden) expect(siteXml).not.toContain(story.slug);

    const sectionXml = await (await sectionFeed.GET(apiRequest(`/sections/${section}/feed.xml`), routeParams({ slug: section }))).text();
    expect(sectionXml).toContain(`/articles/${published.slug}</link>`);
    expect(sectionXml).toContain(`<atom:link href="http://localhost:3000/sections/${section}/feed.xml" rel="self"`);
    expect(sectionXml).not.toContain(elsewhere.slug);
    for (const story of hidden) expect(sectionXml).not.toContain(story.slug);

    const unknown = await sectionFeed.GET(apiRequest("/sections/none/feed.xml"), routeParams({ slug: `none-${uniqueTag()}` }));
    expect(unknown.status).toBe(404);

    const urls = (await sitemap()).map((entry) => entry.url);
    expect(urls).toContain(`http://localhost:3000/articles/${published.slug}`);
    for (const story of hidden) expect(urls.join("\n")).not.toContain(story.slug);
  });
});

describe("topic and author pages", () => {
  test("exist only through published stories", async () => {
    const writer = await makeStaff("WRITER");
    const moderator = await makeStaff("MODERATOR");
    const draftOnlyTag = `draft-only-${uniqueTag()}`;
    const liveTag = `live-${uniqueTag()}`;
    await makeStory({ status: "DRAFT", tagSlugs: [draftOnlyTag], authorId: writer.id });
    expect(await getTag(draftOnlyTag)).toBeNull();
    expect(await getAuthor(writer.slug)).toBeNull();
    expect(await getAuthor(moderator.slug)).toBeNull();

    const live = await makeStory({ tagSlugs: [liveTag], authorId: writer.id });
    expect(await getTag(liveTag)).toMatchObject({ slug: liveTag });
    expect(await getAuthor(writer.slug)).toEqual({ name: writer.name, slug: writer.slug, bio: "" });
    expect((await listLatest({ limit: 10, authorSlug: writer.slug })).items.map((item) => item.slug)).toEqual([live.slug]);
    expect((await listLatest({ limit: 10, tagSlug: liveTag })).items.map((item) => item.slug)).toEqual([live.slug]);

    const sitemapUrls = (await sitemap()).map((entry) => entry.url);
    expect(sitemapUrls).toContain(`http://localhost:3000/tags/${liveTag}`);
    expect(sitemapUrls).not.toContain(`http://localhost:3000/tags/${draftOnlyTag}`);
    expect(sitemapUrls).not.toContain(`http://localhost:3000/authors/${moderator.slug}`);
    // Author pages never say more about staff than name and bio.
    const user = await db.user.findUniqueOrThrow({ where: { id: writer.id }, select: { email: true } });
    expect(JSON.stringify(await getAuthor(writer.slug))).not.toContain(user.email);
  });
});
