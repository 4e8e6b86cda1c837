import { expect, test } from "vitest";
import { postCommentAction } from "@/app/(public)/articles/[slug]/actions";
import * as articleRoute from "@/app/api/v1/articles/[slug]/route";
import * as commentsRoute from "@/app/api/v1/articles/[slug]/comments/route";
import * as listRoute from "@/app/api/v1/articles/route";
import * as sectionFeed from "@/app/(public)/sections/[slug]/feed.xml/route";
import * as siteFeed from "@/app/feed.xml/route";
import robots from "@/app/robots";
import sitemap from "@/app/sitemap";
import { initialCommentFormState } from "@/lib/comment-form-state";
import { db } from "@/lib/db";
import { parseSearchQuery } from "@/lib/search";
import { getAuthor, getPublishedArticle, getSection, getTag, listFeedEntries, listLatest, searchPublished, sitemapData } from "@/lib/services/public-articles";
import { approvedThread } from "@/lib/services/public-comments";
import { apiRequest, routeParams } from "../support/api-client";
import { doubles } from "../support/request-doubles";
import { makeStaff } from "../support/staff-factory";
import { makeStory, uniqueAddress, uniqueTag } from "../support/story-factory";

/*
 * A commenter's email and address never leave the dashboard. Post two
 * comments with unique emails from unique addresses — one through the JSON API,
 * one through the article page's form — publish them, then gather every public
 * output (API answers, feeds, sitemap, robots, and the reads the public pages
 * render) and look for the emails, the addresses and the stored address hashes.
 */
test("commenter emails, addresses and address hashes appear in no public output", async () => {
  const tag = uniqueTag();
  const word = `confidential${tag.replace(/\d/g, "z")}`;
  const author = await makeStaff("EDITOR");
  const section = `privacy-${tag}`;
  const topic = `privacy-topic-${tag}`;
  const story = await makeStory({ sectionSlug: section, tagSlugs: [topic], authorId: author.id, paragraphs: [`A story about ${word}.`] });

  const apiEmail = `Api.Reader.${tag}@Private.Example`;
  const apiAddress = uniqueAddress();
  const posted = await commentsRoute.POST(
    apiRequest(`/api/v1/articles/${story.slug}/comments`, {
      json: { authorName: "Api Reader", authorEmail: apiEmail, body: `Through the API about ${word}.` },
      address: apiAddress,
    }),
    routeParams({ slug: story.slug }),
  );
  expect(posted.status).toBe(201);

  const formEmail = `form.reader.${tag}@private.example`;
  const formAddress = uniqueAddress();
  doubles.headers.set("x-newsroom-client-ip", formAddress);
  const form = new FormData();
  for (const [key, value] of Object.entries({ article: story.slug, authorName: "Form Reader", authorEmail: formEmail, body: `Through the form about ${word}.`, website: "" })) {
    form.set(key, value);
  }
  const state = await postCommentAction(initialCommentFormState, form);
  expect(state).toMatchObject({ status: "success", posted: { outcome: "awaiting-moderation" } });
  // The form's own answer may show the reader what they typed, but never the address.
  expect(JSON.stringify(state)).not.toContain(formAddress);

  const stored = await db.comment.findMany({ where: { articleId: story.id }, select: { id: true, ipHash: true } });
  expect(stored).toHaveLength(2);
  await db.comment.updateMany({ where: { articleId: story.id }, data: { status: "APPROVED" } });

  const ipHashes = stored.flatMap((comment) => (comment.ipHash ? [comment.ipHash] : []));
  expect(ipHashes).toHaveLength(2);
  const secrets = [apiEmail, apiEmail.toLowerCase(), formEmail, apiAddress, formAddress, ...ipHashes];

  const query = parseSearchQuery(word);
  const outputs: Record<string, string> = {
    "GET /api/v1/articles": await (await listRoute.GET(apiRequest("/api/v1/articles?limit=50"), undefined)).text(),
    "GET /api/v1/articles?q": await (await listRoute.GET(apiRequest(`/api/v1/articles?q=${word}`), undefined)).text(),
    "GET /api/v1/articles?section": await (await listRoute.GET(apiRequest(`/api/v1/articles?section=${section}`), undefined)).text(),
    "GET /api/v1/articles/{slug}": await (await articleRoute.GET(apiRequest(`/api/v1/articles/${story.slug}`), routeParams({ slug: story.slug }))).text(),
    "GET /api/v1/articles/{slug}/comments": await (
      await commentsRoute.GET(apiRequest(`/api/v1/articles/${story.slug}/comments`), routeParams({ slug: story.slug }))
    ).text(),
    "/feed.xml": await (await siteFeed.GET()).text(),
    "/sections/{slug}/feed.xml": await (await sectionFeed.GET(apiRequest(`/sections/${section}/feed.xml`), routeParams({ slug: section }))).text(),
    "/sitemap.xml": JSON.stringify(await sitemap()),
    "/robots.txt": JSON.stringify(robots()),
    // What the public pages render comes from these reads.
    "article page": JSON.stringify([await getPublishedArticle(story.slug), await approvedThread(story.id)]),
    "front page": JSON.stringify(await listLatest({ limit: 50 })),
    "section page": JSON.stringify([await getSection(section), await listLatest({ limit: 50, sectionSlug: section })]),
    "topic page": JSON.stringify([await getTag(topic), await listLatest({ limit: 50, tagSlug: topic })]),
    "author page": JSON.stringify([await getAuthor(author.slug), await listLatest({ limit: 50, authorSlug: author.slug })]),
    "search page": JSON.stringify(query ? await searchPublished(query, { page: 1, perPage: 10 }) : null),
    "feeds and sitemap data": JSON.stringify([await listFeedEntries({ limit: 50 }), await sitemapData()]),
  };

  // The comments really are public in these outputs: the check below is not vacuous.
  expect(outputs["GET /api/v1/articles/{slug}/comments"]).toContain(`Through the form about ${word}.`);
  expect(outputs["GET /api/v1/articles/{slug}/comments"]).toContain(`Through the API about ${word}.`);
  expect(outputs["article page"]).toContain(`Through the API about ${word}.`);
  expect(outputs["GET /api/v1/articles/{slug}"]).toContain('"commentCount":2');

  for (const [name, output] of Object.entries(outputs)) {
    const text = output.toLowerCase();
    for (const secret of secrets) expect(text.includes(secret.toLowerCase()), `${secret} found in ${name}`).toBe(false);
    // Nothing that even looks like an email or an address field is serialized.
    expect(text, name).not.toMatch(/"(authoremail|iphash|email|notes)"/);
  }
});
