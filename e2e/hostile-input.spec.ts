import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { publishFirstTime } from "./support/editor";
import { approveInDesk } from "./support/moderation-desk";
import { approveComment, commentsByEmail, raiseCommentRateLimit, uniqueTag } from "./support/newsroom-data";
import { e2eStaff, storageStatePath } from "./support/staff";
import { xssPayloads, type XssPayload } from "./support/xss-payloads";

/**
 * The XSS sweep: every payload of e2e/support/xss-payloads.ts is stored as a
 * story's title, dek, body (text, link and image addresses), image alt,
 * caption and credit, tags, a source's name and description, a claim, and a
 * reader comment's name and body — through the app's own workflow service,
 * the editor's Publish button, the public API and the comment form. Chromium
 * then opens every public and dashboard page that shows them. Any payload
 * that ran would call `__xss(id)` or open a dialog; the spec also fails on
 * any CSP violation and on any inline handler, script address or active
 * element in the rendered DOM, and checks that the text is shown as typed.
 */

const marker = `xss${uniqueTag()}`;
const rateLimit = raiseCommentRateLimit();

interface HostileStory {
  id: string;
  slug: string;
  title: string;
  payloadIds: number[];
}

let stories: HostileStory[] = [];
/** Comments left in the Pending queue (every fourth payload); the others are approved. */
const pendingIds = new Set(xssPayloads.filter((payload) => payload.id % 4 === 0).map((payload) => payload.id));
const approvedPayloads = xssPayloads.filter((payload) => !pendingIds.has(payload.id));
const payloadsOf = (story: HostileStory) => xssPayloads.filter((payload) => story.payloadIds.includes(payload.id));
const commenterName = (payload: XssPayload) => (payload.text.length <= 80 ? payload.text : `Reader ${payload.id}`);
const commenterEmail = (payload: XssPayload) => `hostile-${payload.id}-${marker}@readers.example`;

interface Alarm {
  executed: string[];
  dialogs: string[];
  violations: string[];
}

/** Arms a page so that a payload that runs leaves a trace: its __xss call, a dialog, or a CSP violation. */
async function armed(page: Page): Promise<Alarm> {
  const alarm: Alarm = { executed: [], dialogs: [], violations: [] };
  await page.exposeFunction("__xss", (id: unknown) => alarm.executed.push(`${String(id)} on ${page.url()}`));
  await page.exposeFunction("__reportViolation", (text: string) => alarm.violations.push(`${text} on ${page.url()}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportViolation: (text: string) => void }).__reportViolation(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  page.on("dialog", (dialog) => {
    alarm.dialogs.push(`${dialog.type()} "${dialog.message()}" on ${page.url()}`);
    void dialog.dismiss();
  });
  return alarm;
}

/**
 * What of a payload survived as markup in the rendered DOM: inline event
 * handlers, script addresses in any URL attribute, elements that run or embed
 * content, and script elements whose text is a payload. Next.js's own scripts
 * carry page data as JSON strings, which is text, so only script bodies that
 * begin with a payload's call count.
 */
async function activeMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll("*"))) {
      const tag = element.tagName.toLowerCase();
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value.replace(/[\s\u0000-\u001F]/g, "").toLowerCase();
        if (name.startsWith("on")) found.push(`${tag}[${name}]`);
        if (["href", "src", "action", "formaction", "data", "xlink:href", "srcdoc"].includes(name) && /^(javascript|vbscript|data:text\/html)/.test(value)) {
          found.push(`${tag}[${name}=${attribute.value.slice(0, 60)}]`);
        }
      }
      if (["iframe", "object", "embed", "base", "frame"].includes(tag)) found.push(tag);
      if (tag === "meta" && element.getAttribute("http-equiv")?.toLowerCase() === "refresh") found.push("meta refresh");
      if (tag === "script" && /^\s*(?:parent\.)?(?:__xss|alert)\(/.test(element.textContent ?? "")) found.push(`script: ${element.textContent?.slice(0, 60)}`);
    }
    return found;
  });
}

/** The page's text as a reader gets it: every text node outside scripts and styles. */
async function shownText(page: Page, selector = "body"): Promise<string> {
  return page.evaluate((root) => {
    const walker = document.createTreeWalker(document.querySelector(root) ?? document.body, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement?.tagName.toLowerCase();
      if (parent !== "script" && parent !== "style" && parent !== "noscript") parts.push(node.nodeValue ?? "");
    }
    return parts.join("\n");
  }, selector);
}

/** Opens a page and checks nothing in it is live markup; returns its shown text. */
async function visit(page: Page, path: string, selector?: string): Promise<string> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("load");
  expect(await activeMarkup(page), path).toEqual([]);
  return shownText(page, selector);
}

function expectShown(text: string, payloads: XssPayload[], where: string): void {
  const missing = payloads.filter((payload) => !text.includes(payload.text)).map((payload) => `${payload.id} (${payload.kind})`);
  expect(missing, `payloads not shown as text on ${where}`).toEqual([]);
}

function expectQuiet(alarm: Alarm): void {
  expect(alarm.executed, "payloads that ran").toEqual([]);
  expect(alarm.dialogs, "dialogs").toEqual([]);
  expect(alarm.violations, "CSP violations").toEqual([]);
}

async function seedHostileStories(): Promise<HostileStory[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", "e2e/support/seed-hostile-stories.ts", marker], {
    env: process.env,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split("\n").pop()!) as HostileStory[];
}

async function postComments(request: APIRequestContext, slug: string): Promise<void> {
  for (const payload of xssPayloads) {
    const response = await request.post(`/api/v1/articles/${slug}/comments`, {
      data: { authorName: commenterName(payload), authorEmail: commenterEmail(payload), body: payload.text },
      headers: { "Idempotency-Key": `${marker}-${payload.id}` },
    });
    expect(response.status(), payload.kind).toBe(201);
  }
  for (const payload of approvedPayloads) {
    const [stored] = await commentsByEmail(commenterEmail(payload));
    await approveComment(stored!.id);
  }
}

/** The one payload that goes through the comment form in the browser, and the desk's Approve button. */
const formPayload = xssPayloads.find((payload) => payload.kind === "double-quote breakout")!;

async function commentThroughForm(browser: Browser, slug: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const alarm = await armed(page);
  await page.goto(`/articles/${slug}`);
  await page.getByLabel("Name").fill(formPayload.text);
  await page.getByLabel("Email").fill(`form-${marker}@readers.example`);
  await page.getByLabel("Comment").fill(`${formPayload.text} ${marker}`);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText("Your comment is awaiting moderation.")).toBeVisible();
  expectQuiet(alarm);
  await context.close();
  await approveInDesk(browser, marker);
}

test.describe.configure({ mode: "serial" });

test.describe("hostile input is shown as text and never runs", () => {
  test.beforeAll(async ({ browser, request }) => {
    test.setTimeout(180_000);
    await rateLimit.raise();
    stories = await seedHostileStories();
    expect(stories.flatMap((story) => story.payloadIds)).toHaveLength(xssPayloads.length);

    // The first story is published through the editor (revalidating the front page, feeds and section), the real path.
    const editor = await browser.newContext({ storageState: storageStatePath("EDITOR") });
    const page = await editor.newPage();
    const alarm = await armed(page);
    await page.goto(`/dashboard/articles/${stories[0]!.id}`);
    await publishFirstTime(page);
    await expect(page.getByText("Published. The story is on the site now.").first()).toBeVisible();
    expectQuiet(alarm);
    await editor.close();

    await postComments(request, stories[0]!.slug);
    await commentThroughForm(browser, stories[0]!.slug);
  });
  test.afterAll(rateLimit.restore);

  test("public pages: every story, the front page, latest, section, topics, author, search and a reply page", async ({ page }) => {
    test.setTimeout(180_000);
    const alarm = await armed(page);
    for (const story of stories) {
      const text = await visit(page, `/articles/${story.slug}`, "main");
      const payloads = payloadsOf(story);
      // Title, dek, body, caption, credit and claims all hold each of the story's payloads.
      expectShown(text, payloads, `/articles/${story.slug}`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(story.title);
      expect(await page.title()).toContain(story.title);
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as { headline?: string };
      expect(jsonLd.headline).toBe(story.title);
      expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe(story.title);
      for (const payload of payloads.filter((item) => item.id % 5 !== 0)) {
        // Named sources appear under their name; anonymous ones under the editor's description.
        expect(text, `source ${payload.id}`).toContain(payload.text);
      }
    }

    const commented = await visit(page, `/articles/${stories[0]!.slug}`, "#comments");
    expectShown(commented, approvedPayloads, "the thread");
    expectShown(
      commented,
      approvedPayloads.map((payload) => ({ ...payload, text: commenterName(payload) })),
      "the thread's author names",
    );
    expect(commented).toContain(`${formPayload.text} ${marker}`);
    await expect(page.getByRole("heading", { level: 2, name: /thoughts? on “/ })).toHaveText(`${approvedPayloads.length + 1} thoughts on “${stories[0]!.title}”`);

    const titles = stories.map((story) => ({ id: 0, kind: "title", text: story.title }));
    expectShown(await visit(page, "/"), titles.slice(-5), "the front page");
    await visit(page, "/latest");
    expectShown(await visit(page, "/sections/world"), titles.slice(-5), "the World section");
    const firstTag = await page.request.get(`/api/v1/articles/${stories[0]!.slug}`).then((answer) => answer.json() as Promise<{ tags: { slug: string; name: string }[] }>);
    for (const tag of firstTag.tags) expect(await visit(page, `/tags/${tag.slug}`), tag.slug).toContain(tag.name);
    expectShown(await visit(page, `/authors/${e2eStaff.EDITOR.name.toLowerCase().replace(/\s+/g, "-")}`), titles.slice(-3), "the author page");
    expect(await visit(page, `/search?q=${marker}`)).toContain(marker);
    const [approved] = await commentsByEmail(commenterEmail(approvedPayloads[0]!));
    expectShown(await visit(page, `/articles/${stories[0]!.slug}/reply/${approved!.id}`), [approvedPayloads[0]!], "a reply page");
    expectQuiet(alarm);
  });

  test("feeds and the API carry the payloads as data: well-formed XML, exact JSON", async ({ page, request }) => {
    const alarm = await armed(page);
    for (const path of ["/feed.xml", "/sections/world/feed.xml"]) {
      await page.goto(path);
      const xml = await (await request.get(path)).text();
      const feedTitles = await page.evaluate((source) => {
        const feed = new DOMParser().parseFromString(source, "application/xml");
        if (feed.querySelector("parsererror")) return null;
        return Array.from(feed.querySelectorAll("item > title")).map((title) => title.textContent);
      }, xml);
      expect(feedTitles, `${path} parses as XML`).not.toBeNull();
      expect(feedTitles).toContain(stories[0]!.title);
    }
    for (const story of stories) {
      const article = (await (await request.get(`/api/v1/articles/${story.slug}`)).json()) as { title: string; citations: { claim: string }[]; image: { caption: string; credit: string } };
      expect(article.title).toBe(story.title);
      expect(article.citations.map((citation) => citation.claim)).toEqual(payloadsOf(story).map((payload) => payload.text));
      expect(article.image.caption.length).toBeGreaterThan(0);
    }
    const thread = (await (await request.get(`/api/v1/articles/${stories[0]!.slug}/comments`)).json()) as { items: { authorName: string; body: string }[] };
    expect(thread.items.map((item) => item.body)).toEqual(expect.arrayContaining(approvedPayloads.map((payload) => payload.text)));
    await visit(page, `/api/v1/articles/${stories[0]!.slug}`);
    expectQuiet(alarm);
  });

  test.describe("dashboard", () => {
    test.use({ storageState: storageStatePath("ADMIN") });

    test("article list, editor, preview, history, sources, moderation queues and log", async ({ page }) => {
      test.setTimeout(180_000);
      const alarm = await armed(page);
      expect(await visit(page, "/dashboard")).toBeTruthy();
      expect(await visit(page, "/dashboard/articles")).toContain(stories.at(-1)!.title);
      for (const story of stories) {
        await visit(page, `/dashboard/articles/${story.id}`);
        await expect(page.getByRole("textbox", { name: "Body", exact: true })).toHaveAttribute("contenteditable", "true");
        await expect(page.getByLabel("Title", { exact: true })).toHaveValue(story.title);
        // The editor draws the stored document in the browser: the payloads are its text, not its markup.
        expect(await activeMarkup(page), `editor of ${story.slug}`).toEqual([]);
        expectShown(await shownText(page, '[contenteditable="true"]'), payloadsOf(story), `the editor of ${story.slug}`);
      }
      expectShown(await visit(page, `/preview/${stories[0]!.id}`), payloadsOf(stories[0]!), "the preview");
      await visit(page, `/dashboard/articles/${stories[0]!.id}/history`);
      const sourceList = await visit(page, `/dashboard/sources?q=${encodeURIComponent("__xss(1)")}`);
      expect(sourceList).toContain(xssPayloads[0]!.text);
      const pending = await visit(page, `/dashboard/moderation`);
      expectShown(pending, xssPayloads.filter((payload) => pendingIds.has(payload.id)), "the Pending queue");
      await visit(page, `/dashboard/moderation?queue=approved`);
      await visit(page, `/dashboard/moderation/log`);
      expectQuiet(alarm);
    });
  });
});
