import { expect, test, type Page } from "@playwright/test";
import { MODE_FIRST_COMMENT_DETAIL } from "../lib/moderation/rules";
import { addComment, commentStatus, createPublishedStory, forgetSignInFailures, uniqueTag } from "./support/newsroom-data";
import { e2eStaff, storageStatePath } from "./support/staff";

/*
 * A moderator's first hour (issue 17): signing in and reaching the queue by
 * keyboard, a home page about their own work, held reasons in their words and
 * true after later decisions, an Undo notice that covers nothing, and queue
 * badges that follow every key press however fast.
 */

const rows = (page: Page) => page.getByRole("article").filter({ has: page.getByRole("group", { name: /^Actions for/ }) });
/** The desk answers keys once it is interactive; its shortcuts button appears then (hidden on phones, but there). */
const deskReady = (page: Page) => expect(page.getByRole("button", { name: "Keyboard shortcuts", includeHidden: true })).toBeAttached();
const firstComment = [{ rule: "mode", detail: MODE_FIRST_COMMENT_DETAIL }];

test.describe("signing in", () => {
  test.afterAll(forgetSignInFailures);

  test("the form is ready to type in; a moderator's home is the queues; the second Tab skips to them", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByLabel("Email")).toBeFocused();
    await page.keyboard.type(e2eStaff.MODERATOR.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type("not the password");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toHaveText("Email or password is incorrect.");
    // Back to the password, the email kept.
    await expect(page.getByLabel("Password")).toBeFocused();
    await page.keyboard.type(e2eStaff.MODERATOR.password);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/dashboard$/);

    const desk = page.getByRole("list", { name: "On the desk" });
    await expect(desk).toContainText("Comments awaiting moderation");
    await expect(desk).toContainText("Reported by readers");
    await expect(desk).not.toContainText("Your drafts");
    await expect(desk).not.toContainText("Scheduled");

    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to moderation" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/dashboard\/moderation$/);
  });
});

test.describe("a writer's home", () => {
  test.use({ storageState: storageStatePath("WRITER") });

  test("shows stories, not comment queues, and no skip to moderation", async ({ page }) => {
    await page.goto("/dashboard");
    const desk = page.getByRole("list", { name: "On the desk" });
    await expect(desk).toContainText("Your drafts");
    await expect(desk).not.toContainText("Comments awaiting moderation");
    await expect(page.getByRole("link", { name: "Skip to moderation" })).toHaveCount(0);
  });
});

test.describe("the moderation desk", () => {
  test.use({ storageState: storageStatePath("MODERATOR") });

  test("held reasons read in a moderator's words, and a newcomer's second comment stops claiming to be the first once one is approved", async ({ page }) => {
    const tag = uniqueTag();
    const story = await createPublishedStory(`Held reasons ${tag}`);
    const author = `Newcomer ${tag}`;
    await addComment(story.id, { authorName: author, body: `First thoughts ${tag}`, ageSeconds: 10, heldReasons: firstComment });
    await addComment(story.id, { authorName: author, body: `Second thoughts ${tag}`, ageSeconds: 20, heldReasons: firstComment });

    await page.goto(`/dashboard/moderation?q=${tag}`);
    await deskReady(page);
    await expect(rows(page)).toHaveCount(2);
    for (const row of await rows(page).all()) {
      await expect(row).toContainText("New commenter — no comment from this email has been approved yet");
      await expect(row).not.toContainText("Mode — ");
    }

    await rows(page).first().getByRole("button", { name: "Approve", exact: true }).click();
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText("New commenter — it was their first comment; 1 comment from this email approved since");
  });

  for (const [label, viewport] of [
    ["desktop", { width: 1280, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    test(`the Undo notice never covers the next comment's Trash button (${label})`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const tag = uniqueTag();
      const story = await createPublishedStory(`Undo notice ${tag}`);
      for (let n = 1; n <= 6; n += 1) await addComment(story.id, { authorName: `Reader ${n} ${tag}`, body: `Comment number ${n} ${tag}.`, ageSeconds: n });

      await page.goto(`/dashboard/moderation?q=${tag}`);
      await deskReady(page);
      // Down the list by keyboard, then a decision: the notice with Undo appears, the cursor moves to the next comment.
      for (let step = 0; step < 3; step += 1) await page.keyboard.press("j");
      await page.keyboard.press("a");
      await expect(page.getByRole("button", { name: "Undo" })).toBeVisible();
      const next = rows(page).filter({ hasText: `Comment number 5 ${tag}.` });
      await expect(next).toBeFocused();

      // Wherever the moderator scrolls that button to in the lower part of the screen, a tap there reaches it.
      const trash = next.getByRole("button", { name: "Trash" });
      for (const fromBottom of [12, 32, 52, 72, 150]) {
        const hit = await trash.evaluate((button, offset) => {
          const box = button.getBoundingClientRect();
          window.scrollBy(0, box.top + box.height / 2 - (window.innerHeight - offset));
          const moved = button.getBoundingClientRect();
          return button.contains(document.elementFromPoint(moved.left + moved.width / 2, moved.top + moved.height / 2));
        }, fromBottom);
        expect(hit, `Trash ${fromBottom}px above the bottom of the screen`).toBe(true);
      }
    });
  }

  test("the queue badges follow every decision at once, however fast, and never show a number already left behind", async ({ page }) => {
    const tag = uniqueTag();
    const story = await createPublishedStory(`Badges ${tag}`);
    const ids: string[] = [];
    for (let n = 1; n <= 9; n += 1) ids.push(await addComment(story.id, { authorName: `Fast ${n} ${tag}`, body: `Quick decision ${n} ${tag}.`, ageSeconds: n }));

    await page.goto(`/dashboard/moderation?q=${tag}`);
    await deskReady(page);
    const badges = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('nav[aria-label="Queues"] a')].map((link) => link.textContent?.replace(/\s+/g, " ").trim()).join(" | "),
      );
    // Every value the badges take from now on, in order.
    await page.evaluate(() => {
      const nav = document.querySelector('nav[aria-label="Queues"]')!;
      const read = () => [...nav.querySelectorAll("a")].map((link) => link.textContent?.replace(/\s+/g, " ").trim()).join(" | ");
      const seen = [read()];
      Object.assign(window, { badgeHistory: seen });
      new MutationObserver(() => {
        if (seen.at(-1) !== read()) seen.push(read());
      }).observe(nav, { subtree: true, childList: true, characterData: true });
    });
    const shown = (pending: number, spam: number, approved: number, trash: number) =>
      `Pending${pending} | Reported0 | Spam${spam} | Approved${approved} | Trash${trash}`;

    const expected = [shown(9, 0, 0, 0)];
    const keys = ["a", "s", "t", "a", "s", "t", "a", "s", "z"];
    let [pending, spam, approved, trash] = [9, 0, 0, 0];
    for (const key of keys) {
      // Undo reverses the last decision the server has confirmed: the moderator sees its notice first.
      if (key === "z") await expect(page.getByRole("status").filter({ hasText: `Marked as spam: comment by Fast 8 ${tag}.` })).toBeVisible();
      await page.keyboard.press(key);
      if (key === "a") [pending, approved] = [pending - 1, approved + 1];
      if (key === "s") [pending, spam] = [pending - 1, spam + 1];
      if (key === "t") [pending, trash] = [pending - 1, trash + 1];
      if (key === "z") [pending, spam] = [pending + 1, spam - 1];
      expected.push(shown(pending, spam, approved, trash));
      // Read at once, no waiting: the badge is right the moment the key has been handled.
      expect(await badges(), `after pressing ${key}`).toBe(expected.at(-1));
    }

    // Once every decision has reached the server, the badges are the database's counts, and they never went back in between.
    await expect(page.locator('ol[aria-busy="false"]')).toHaveCount(1);
    const statuses = await Promise.all(ids.map(commentStatus));
    const count = (status: string) => statuses.filter((value) => value === status).length;
    expect(shown(count("PENDING"), count("SPAM"), count("APPROVED"), count("TRASH"))).toBe(expected.at(-1));
    expect(await page.evaluate(() => (window as unknown as { badgeHistory: string[] }).badgeHistory)).toEqual(expected);
  });
});
