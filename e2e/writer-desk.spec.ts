import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/staff";
import { bodyEditor, expectMessage, press, slugOf, startStory, storyId, uniqueTitle } from "./support/editor";

/**
 * A writer's first hour at the desk (issue 17): the link panel, a story saved
 * once however often its saves are retried, the slug that follows the
 * headline, and clearing a story off the list.
 */

/** The slug of a title made of plain words, as lib/slug.ts makes it. */
const slugOfWords = (title: string) => title.toLowerCase().replace(/\s+/g, "-");

test.describe("as a writer", () => {
  test.use({ storageState: storageStatePath("WRITER") });

  test("the link panel starts empty, keeps the chosen words visibly selected, and takes a pasted or a bare address", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await startStory(page, { title: uniqueTitle("Port statement"), body: "Read the statement and the minutes" });
    const body = await bodyEditor(page);
    const link = page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Link", exact: true });
    const address = page.getByLabel("Link address", { exact: true });

    // "the minutes", chosen with the keyboard.
    for (let word = 0; word < 2; word += 1) await page.keyboard.press("Control+Shift+ArrowLeft");
    await link.click();
    await expect(address).toBeFocused();
    await expect(address).toHaveValue("");
    await expect(address).toHaveAttribute("placeholder", /^https:\/\//);
    await expect(body.locator("[data-pending-selection]")).toHaveText("the minutes");
    // A habit from other editors: type the scheme, then paste a full address after it.
    await page.keyboard.type("https://");
    await page.evaluate(() => navigator.clipboard.writeText("https://example.org/minutes"));
    await page.keyboard.press("Control+V");
    await expect(address).toHaveValue("https://example.org/minutes");
    await page.keyboard.press("Enter");
    await expect(body.getByRole("link", { name: "the minutes" })).toHaveAttribute("href", "https://example.org/minutes");
    await expect(body.locator("[data-pending-selection]")).toHaveCount(0);

    // An address typed without its scheme links to https. This time the word is chosen with a double click.
    const word = await body.evaluate((element) => {
      const text = [...element.querySelectorAll("p")].map((paragraph) => paragraph.firstChild).find((node) => node?.textContent?.includes("statement"))!;
      const range = document.createRange();
      const start = text.textContent!.indexOf("statement");
      range.setStart(text, start);
      range.setEnd(text, start + "statement".length);
      const box = range.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
    await page.mouse.dblclick(word.x, word.y);
    await link.click();
    await expect(body.locator("[data-pending-selection]")).toHaveText("statement");
    await address.fill("example.org/statement");
    await page.getByRole("button", { name: "Apply link", exact: true }).click();
    await expect(body.getByRole("link", { name: "statement" })).toHaveAttribute("href", "https://example.org/statement");
  });

  test("a new story whose saves reach the server but whose answers are lost is created once, with its own slug", async ({ page }) => {
    const title = uniqueTitle("Lost answers");
    let lost = 0;
    await page.route("**/dashboard/articles/**", async (route) => {
      if (!route.request().headers()["next-action"] || lost >= 2) return route.continue();
      lost += 1;
      // The server does the work; the answer never reaches the browser.
      await route.fetch();
      await route.abort("connectionreset");
    });
    await startStory(page, { title, body: "Typed once, sent three times." });
    await press(page, "Save draft");
    const retry = page.getByRole("button", { name: "Retry", exact: true });
    // Retry (and autosave, whichever comes first) until a save is answered.
    await expect(async () => {
      if (await retry.isVisible()) await retry.click();
      await expect(page.getByText(/^(Draft saved\.|Saved automatically at)/).first()).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    expect(lost).toBe(2);
    await storyId(page);
    expect(await slugOf(page)).toBe(slugOfWords(title));

    await page.goto(`/dashboard/articles?q=${encodeURIComponent(title)}`);
    await expect(page.getByRole("link", { name: title })).toHaveCount(1);
  });

  test("the slug follows the headline until it is typed by hand, also after the story was saved with a -2 and reopened", async ({ page }) => {
    // Another story already has this headline's slug, so the server gives this one a -2.
    const headline = uniqueTitle("Harbour dues rise");
    await startStory(page, { title: headline, body: "The first story with this headline." });
    await press(page, "Save draft");
    await expectMessage(page, "Draft saved.");
    await startStory(page, { title: headline, body: "The second story with this headline." });
    await press(page, "Save draft");
    await expectMessage(page, "Draft saved.");
    const id = await storyId(page);
    await expect(page.getByLabel("Slug", { exact: true })).toHaveValue(`${slugOfWords(headline)}-2`);

    await page.goto(`/dashboard/articles/${id}`);
    const title = page.getByLabel("Title", { exact: true });
    const retitled = `${headline} by a third`;
    await title.fill(retitled);
    await expect(page.getByLabel("Slug", { exact: true })).toHaveValue(slugOfWords(retitled));
    await press(page, "Save draft");
    await expectMessage(page, "Draft saved.");
    expect(await slugOf(page)).toBe(slugOfWords(retitled));

    // Typed by hand, it stays through a reload and a new headline.
    const chosen = `${slugOfWords(headline)}-chosen-by-hand`;
    await page.getByLabel("Slug", { exact: true }).fill(chosen);
    await press(page, "Save draft");
    await expectMessage(page, "Draft saved.");
    await page.goto(`/dashboard/articles/${id}`);
    await page.getByLabel("Title", { exact: true }).fill(`${headline} again`);
    await expect(page.getByLabel("Slug", { exact: true })).toHaveValue(chosen);
    // Emptied, it is made from the title again.
    await page.getByLabel("Slug", { exact: true }).fill("");
    await press(page, "Save draft");
    await expect(page.getByLabel("Slug", { exact: true })).toHaveValue(slugOfWords(`${headline} again`));

    // Only editors clear stories off the list, as in the editor.
    await page.goto("/dashboard/articles");
    await expect(page.getByRole("row", { name: new RegExp(headline) }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: /^Move to trash/ })).toHaveCount(0);
  });
});

test.describe("as an editor", () => {
  test.use({ storageState: storageStatePath("EDITOR") });

  test("a story is moved to the trash from its row in the list, and Undo brings it back", async ({ page }) => {
    const title = uniqueTitle("Duplicate draft");
    await startStory(page, { title, body: "A copy nobody needs." });
    await press(page, "Save draft");
    await expectMessage(page, "Draft saved.");

    await page.goto(`/dashboard/articles?q=${encodeURIComponent(title)}`);
    const row = page.getByRole("row", { name: new RegExp(title) });
    await row.getByRole("button", { name: `Move to trash: ${title}` }).click();
    await expect(page.getByText("The story was moved to the trash. Readers can no longer see it.")).toBeVisible();
    await expect(page.getByRole("link", { name: title })).toHaveCount(0);

    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByText("The story is out of the trash.")).toBeVisible();
    await page.goto(`/dashboard/articles?q=${encodeURIComponent(title)}`);
    await expect(page.getByRole("link", { name: title })).toBeVisible();
  });
});
