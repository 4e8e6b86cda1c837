import { expect, test } from "@playwright/test";
import { raiseCommentRateLimit, commentsByEmail, commenterSecrets, createPublishedStory, uniqueTag } from "./support/newsroom-data";
import { approveInDesk } from "./support/moderation-desk";
import { crawlPublicSite } from "./support/public-crawl";

const rateLimit = raiseCommentRateLimit();
test.beforeAll(rateLimit.raise);
test.afterAll(rateLimit.restore);

/*
 * Commenters' emails and addresses never leave the dashboard: post comments
 * with unique emails through the API and the form, publish them, then crawl
 * every public address the site itself leads to — from robots.txt, the
 * sitemap, the feeds, the JSON API and the front page, following every link
 * (e2e/support/public-crawl.ts) — and find neither the email, nor the address
 * the comments came from, nor its stored hash, in any of them; nor the email
 * or address hash of any other commenter the database holds.
 */

/** Email addresses and 32-character address-hash-shaped runs in a text, to look up among the secrets. */
function revealedIn(text: string, secrets: { emails: Set<string>; ipHashes: Set<string> }): string[] {
  const emails = [...text.matchAll(/[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi)].map((match) => match[0].toLowerCase()).filter((email) => secrets.emails.has(email));
  const hashes = [...text.matchAll(/[A-Za-z0-9_-]{32,}/g)].flatMap(([run]) =>
    Array.from({ length: run.length - 31 }, (_, start) => run.slice(start, start + 32)).filter((window) => secrets.ipHashes.has(window)),
  );
  return [...emails, ...hashes];
}

test("a commenter's email and IP address appear in no public output", async ({ page, request, browser, baseURL }) => {
  test.setTimeout(180_000); // the crawl reads every public address of a database every spec has added to
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

  // The comments are public now, so the pages below really do show them.
  await page.goto(`/articles/${story.slug}`);
  await expect(page.getByText(`Posted through the form, ${word}.`)).toBeVisible();
  await expect(page.getByText(`Posted through the API, ${word}.`)).toBeVisible();

  const secrets = [viaApi, viaForm, ...comments.flatMap((comment) => (comment.ipHash ? [comment.ipHash] : [])), "127.0.0.1", "::1"];
  expect(secrets.length).toBe(6);

  // Absolute links use SITE_URL: as the server sees it now (the API's story URLs) and as it was when the
  // prerendered outputs were built (robots.txt names the sitemap with it).
  const sitemapLine = /^Sitemap:\s*(\S+)/im.exec(await (await request.get("/robots.txt")).text());
  expect(sitemapLine, "robots.txt names the sitemap").not.toBeNull();
  const storyUrl = ((await (await request.get(`/api/v1/articles/${story.slug}`)).json()) as { url: string }).url;
  const siteOrigins = [...new Set([new URL(baseURL!).origin, new URL(storyUrl).origin, new URL(sitemapLine![1]!).origin])];
  const started = Date.now();
  const crawled = await crawlPublicSite(request, {
    siteOrigins,
    seeds: [
      "/",
      "/robots.txt",
      "/sitemap.xml",
      "/feed.xml",
      "/api/v1/articles",
      // Search answers only what is asked; no link can ask it.
      `/search?q=${word}`,
      `/api/v1/articles?q=${word}`,
      `/api/v1/articles?q=${encodeURIComponent(viaApi)}`,
    ],
  });
  console.log(`[privacy] crawled ${crawled.length} public addresses in ${Math.round((Date.now() - started) / 1000)} s`);

  // No address answers with a server error (a 404 is allowed: stories carry their authors' links, hostile ones
  // included), and the crawl reached everywhere these comments are shown.
  expect(crawled.filter((answer) => answer.status >= 500).map((answer) => `${answer.status} ${answer.address}`)).toEqual([]);
  const addresses = new Set(crawled.map((answer) => answer.address));
  const showingTheComments = [
    `/articles/${story.slug}`,
    ...comments.map((comment) => `/articles/${story.slug}/reply/${comment.id}`),
    `/api/v1/articles/${story.slug}`,
    `/api/v1/articles/${story.slug}/comments`,
  ];
  expect(showingTheComments.filter((address) => !addresses.has(address)), "addresses the crawl never reached").toEqual([]);
  const answeredOk = new Set(crawled.filter((answer) => answer.status === 200).map((answer) => answer.address));
  expect(showingTheComments.filter((address) => !answeredOk.has(address)), "addresses that did not answer 200").toEqual([]);
  expect(crawled.find((answer) => answer.address === `/api/v1/articles/${story.slug}/comments`)?.body).toContain(`Posted through the API, ${word}.`);

  const everyCommenter = await commenterSecrets();
  expect(everyCommenter.emails.has(viaApi.toLowerCase()) && everyCommenter.emails.has(viaForm.toLowerCase())).toBe(true);
  for (const { address, body } of crawled) {
    expect(revealedIn(body, everyCommenter), `commenters' emails or address hashes in ${address}`).toEqual([]);
    const text = body.toLowerCase();
    for (const secret of secrets) expect(text.includes(secret.toLowerCase()), `${secret} in ${address}`).toBe(false);
    // Nothing that even looks like an email or an address field is serialized.
    expect(text, address).not.toMatch(/"(authoremail|iphash|email|notes)"\s*:/);
  }
  // The page as the browser shows it, scripts and all.
  const html = (await page.content()).toLowerCase();
  for (const secret of secrets) expect(html.includes(secret.toLowerCase()), `${secret} in the rendered article`).toBe(false);
});
