import { expect, test } from "@playwright/test";
import { raiseCommentRateLimit, commentsByEmail, createPublishedStory, uniqueTag } from "./support/newsroom-data";
import { approveInDesk } from "./support/moderation-desk";
import { fixtureSlug } from "./support/seed-stories";

const rateLimit = raiseCommentRateLimit();
test.beforeAll(rateLimit.raise);
test.afterAll(rateLimit.restore);

/*
 * Commenters' emails and addresses never leave the dashboard: post comments
 * with unique emails through the API and the form, publish them, then read
 * every public page, feed, sitemap and API answer and find neither the email,
 * nor the address the comments came from, nor its stored hash.
 */
test("a commenter's email and IP address appear in no public output", async ({ page, request, browser }) => {
  const story = await createPublishedStory("Privacy");
  const word = `privacyword${uniqueTag().replace(/\d/g, "x")}`;
  const viaApi = `api.${uniqueTag()}@private.example`;
  const viaForm = `form.${uniqueTag()}@private.example`;

  const posted = await request.post(`/api/v1/articles/${story.slug}/comments`, {
    data: { authorName: "Api Reader", authorEmail: viaApi, body: `Posted through the API, ${word}.` },
  });
  expect(posted.status()).toBe(201);

  await page.goto(`/articles/${story.slug}`);
  await page.getByLabel("Name").fill("Form Reader");
  await page.getByLabel("Email").fill(viaForm);
  await page.getByLabel("Comment").fill(`Posted through the form, ${word}.`);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText("Your comment is awaiting moderation.")).toBeVisible();

  const comments = [...(await commentsByEmail(viaApi)), ...(await commentsByEmail(viaForm))];
  expect(comments).toHaveLength(2);
  await approveInDesk(browser, word, 2);
  const articlePaths = [`/articles/${story.slug}`, `/api/v1/articles/${story.slug}`, `/api/v1/articles/${story.slug}/comments`];

  // The comments are public now, so the pages below really do show them.
  await page.goto(`/articles/${story.slug}`);
  await expect(page.getByText(`Posted through the form, ${word}.`)).toBeVisible();
  await expect(page.getByText(`Posted through the API, ${word}.`)).toBeVisible();

  const secrets = [viaApi, viaForm, ...comments.flatMap((comment) => (comment.ipHash ? [comment.ipHash] : [])), "127.0.0.1", "::1"];
  expect(secrets.length).toBe(6);
  const publicOutputs = [
    "/",
    "/latest",
    ...articlePaths,
    `/articles/${story.slug}/reply/${comments[0]!.id}`,
    `/articles/${fixtureSlug}`,
    "/sections/world",
    "/sections/world/feed.xml",
    "/tags/iraq",
    "/authors/nadia-haddad",
    "/feed.xml",
    "/sitemap.xml",
    "/robots.txt",
    `/search?q=${word}`,
    "/api/v1/articles",
    `/api/v1/articles?q=${encodeURIComponent(viaApi)}`,
    `/api/v1/articles?q=${word}`,
    `/api/v1/articles/${fixtureSlug}/comments`,
  ];
  for (const path of publicOutputs) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const body = (await response.text()).toLowerCase();
    for (const secret of secrets) expect(body.includes(secret.toLowerCase()), `${secret} in ${path}`).toBe(false);
  }
  // The page as the browser shows it, scripts and all.
  const html = (await page.content()).toLowerCase();
  for (const secret of secrets) expect(html.includes(secret.toLowerCase()), `${secret} in the rendered article`).toBe(false);
});
