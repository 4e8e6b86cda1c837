import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { approveComment, commentsByEmail, createPublishedStory, raiseCommentRateLimit, uniqueTag } from "./support/newsroom-data";
import { approveInDesk } from "./support/moderation-desk";
import { fixtureSlug, fixtureTitle } from "./support/seed-stories";

/*
 * A reader's first hour, on a phone (issue 17): commenting and seeing what
 * became of it, replying with the comment answered in view, following a
 * report from Sources, searching, finding the latest stories.
 */

const phone = { width: 390, height: 844 };
test.use({ viewport: phone });

const rateLimit = raiseCommentRateLimit();
test.beforeAll(rateLimit.raise);
test.afterAll(rateLimit.restore);

async function fillComment(page: Page, reader: { name: string; email: string }, text: string) {
  await page.getByLabel("Name").fill(reader.name);
  await page.getByLabel("Email").fill(reader.email);
  await page.getByLabel("Comment").fill(text);
}

const newReader = () => ({ name: `Layla ${uniqueTag()}`, email: `layla.${uniqueTag()}@example.org` });
const thoughts = (page: Page) => page.getByRole("heading", { level: 2, name: /thoughts? on “/ });

test.describe("a reader on a phone", () => {
  test("a held comment: told who reviews it, still shown to its author after a reload and to nobody else, in the thread once approved", async ({ page, browser, request }) => {
    const story = await createPublishedStory("Pending on a phone");
    const reader = newReader();
    const text = `Who counted the bodies? ${uniqueTag()}`;
    await page.goto(`/articles/${story.slug}`);
    await fillComment(page, reader, text);
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByRole("status").filter({ hasText: "awaiting" })).toHaveText(
      "Thank you. Your comment is awaiting moderation. A moderator reviews every comment before it appears on the page.",
    );

    await page.reload();
    await expect(thoughts(page)).toHaveText(`0 thoughts on “${story.title}”`);
    await expect(page.getByRole("heading", { name: "Your comment awaiting moderation" })).toBeVisible();
    await expect(page.getByText("Only you can see it, in this browser.")).toBeVisible();
    await expect(page.getByText(text)).toBeVisible();
    await expect(page.getByText("Awaiting moderation", { exact: true })).toBeVisible();

    // The page itself is the same copy for everyone: neither the comment nor the email is in it.
    const served = await (await request.get(`/articles/${story.slug}`)).text();
    expect(served).not.toContain(text);
    expect(served).not.toContain(reader.email);
    const stranger = await browser.newContext({ viewport: phone });
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(`/articles/${story.slug}`);
    await strangerPage.waitForLoadState("networkidle");
    await expect(strangerPage.getByText(text)).toHaveCount(0);
    await stranger.close();

    await approveInDesk(browser, text);
    await page.reload();
    await expect(thoughts(page)).toHaveText(`1 thought on “${story.title}”`);
    await expect(page.locator("#comments")).toContainText(text);
    // The browser learns it was approved and forgets it: shown once, in the thread, unmarked.
    await expect.poll(() => page.evaluate(() => window.localStorage.getItem("newsroom:own-comments"))).toBeNull();
    await expect(page.getByText(text)).toHaveCount(1);
    await expect(page.getByText("Awaiting moderation", { exact: true })).toHaveCount(0);
  });

  test("Reply quotes the start of the comment answered, and the form is still that reply after posting", async ({ page, request }) => {
    const story = await createPublishedStory("Reply on a phone");
    const opening = "The toll of 35 comes from one agency.";
    const rest = " It quotes a provincial source who is not named. The other outlet says 45 and names nobody either, so which is it? ".repeat(3);
    const created = await request.post(`/api/v1/articles/${story.slug}/comments`, {
      data: { authorName: "Omar", authorEmail: `omar.${uniqueTag()}@example.org`, body: `${opening}${rest}Final words.` },
    });
    const { id: parentId } = (await created.json()) as { id: string };
    await approveComment(parentId);

    await page.goto(`/articles/${story.slug}`);
    await page.locator(`#comment-${parentId}`).getByRole("link", { name: /^Reply/ }).click();
    const form = page.locator("#respond");
    await expect(form.getByRole("heading", { name: "Reply to Omar" })).toBeVisible();
    const quote = form.locator("blockquote");
    await expect(quote).toContainText(opening);
    await expect(quote).toHaveText(/…$/);
    await expect(quote).not.toContainText("Final words.");
    await expect(page.getByLabel("Comment")).toBeFocused();

    const reader = newReader();
    await fillComment(page, reader, "Both figures trace back to unnamed sources.");
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(form.getByRole("status")).toContainText("Thank you. Your reply is awaiting moderation.");
    await expect(form.getByRole("heading", { name: "Reply to Omar" })).toBeVisible();
    await expect(quote).toContainText(opening);
    const [reply] = await commentsByEmail(reader.email);
    expect(reply?.parentId).toBe(parentId);

    await page.reload();
    await expect(page.getByText("replying to Omar")).toBeVisible();
    // The held reply and a reply in progress, as assistive technology meets them.
    await page.locator(`#comment-${parentId}`).getByRole("link", { name: /^Reply/ }).click();
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(" | ")}`)).toEqual([]);
  });

  test("a report behind a claim is a readable link a thumb can hit", async ({ page }) => {
    await page.goto(`/articles/${fixtureSlug}`);
    const sources = page.getByRole("region", { name: "Sources" });
    const reports = sources.getByRole("link", { name: /^Read the report on / });
    await expect(reports).toHaveCount(3);
    await expect(sources.getByRole("link", { name: "Read the report on iraqinews.com" })).toHaveAttribute("href", /iraqinews\.com/);
    for (const link of await reports.all()) {
      const box = await link.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);
      expect(box?.width).toBeGreaterThanOrEqual(44);
    }
  });

  test("search: the box is ready to type in, a word's start finds it, and a search in vain offers a spelling and the latest stories", async ({ page }) => {
    await page.goto(`/articles/${fixtureSlug}`);
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Search" }).click();
    await expect(page.getByLabel("Search stories")).toBeFocused();
    await page.keyboard.type("qayyara");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "1 story matches “qayyara”" })).toBeVisible();
    await expect(page.getByRole("link", { name: fixtureTitle })).toBeVisible();

    await page.goto("/search?q=qayara");
    await expect(page.getByRole("heading", { name: "No stories match “qayara”." })).toBeVisible();
    await expect(page.getByLabel("Search stories")).toBeFocused();
    await expect(page.getByRole("region", { name: "Recent stories" }).getByRole("heading", { level: 3 }).first()).toBeVisible();
    const suggestion = page.getByRole("link", { name: "qayyarah" });
    await expect(suggestion).toBeVisible();
    await suggestion.click();
    await expect(page.getByRole("heading", { name: "1 story matches “qayyarah”" })).toBeVisible();
  });

  test("Latest leads to the latest stories; the front page is titled with the site's name; a byline is read once", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle("Newsroom");
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Latest" }).click();
    await expect(page).toHaveURL(/\/latest$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Latest stories");

    await page.goto(`/articles/${fixtureSlug}`);
    // What a screen reader reads is the text, hidden text included.
    await expect(page.locator("header p").filter({ hasText: /^By / })).toHaveText("By Nadia Haddad");
  });
});

test.describe("a reader on a phone without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("posting a reply answers that it awaits moderation and keeps the comment answered in view", async ({ page, request }) => {
    const story = await createPublishedStory("Reply without JavaScript on a phone");
    const created = await request.post(`/api/v1/articles/${story.slug}/comments`, {
      data: { authorName: "Parent", authorEmail: `parent.${uniqueTag()}@example.org`, body: "The first word." },
    });
    const { id } = (await created.json()) as { id: string };
    await approveComment(id);

    await page.goto(`/articles/${story.slug}`);
    await page.locator(`#comment-${id}`).getByRole("link", { name: /^Reply/ }).click();
    await fillComment(page, newReader(), "The second word.");
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByRole("status")).toContainText("Thank you. Your reply is awaiting moderation. A moderator reviews every comment");
    await expect(page.getByRole("heading", { name: "Reply to Parent" })).toBeVisible();
    await expect(page.getByRole("blockquote")).toHaveText("The first word.");
    await expect(page.getByText("The second word.")).toBeVisible();
    await expect(page.getByText("Awaiting moderation", { exact: true })).toBeVisible();
  });
});
