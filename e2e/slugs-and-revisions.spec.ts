import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/staff";
import { bodyEditor, expectMessage, press, publishFirstTime, slugOf, startStory, storyId, uniqueTitle } from "./support/editor";

test.use({ storageState: storageStatePath("EDITOR") });

test("after publication a slug change keeps the old address answering with a permanent redirect", async ({ page, request }) => {
  const title = uniqueTitle("Tram line extension approved");
  await startStory(page, { title, body: "The tram line will reach the airport by 2029." });
  await publishFirstTime(page);
  await expectMessage(page, "Published. The story is on the site now.");
  const oldSlug = await slugOf(page);
  expect((await request.get(`/articles/${oldSlug}`)).status()).toBe(200);

  const newSlug = `${oldSlug}-airport`;
  await page.getByLabel("Slug", { exact: true }).fill(newSlug);
  await press(page, "Update");
  await expectMessage(page, "Update saved. Readers see it now.");

  const redirect = await request.get(`/articles/${oldSlug}`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(308);
  expect(redirect.headers().location).toMatch(new RegExp(`/articles/${newSlug}$`));
  await page.goto(`/articles/${oldSlug}`);
  await expect(page).toHaveURL(new RegExp(`/articles/${newSlug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
});

test("the history shows a readable diff between two revisions, and restoring one brings its text back", async ({ page }) => {
  await startStory(page, { title: uniqueTitle("Reservoir levels"), body: "The reservoir stands at 33 percent." });
  await press(page, "Save draft");
  await expectMessage(page, "Draft saved.");
  const id = await storyId(page);

  const body = await bodyEditor(page);
  await body.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("The reservoir stands at 30 percent, the lowest in eleven years.");
  await press(page, "Save draft");
  await expectMessage(page, "Draft saved.");

  await page.getByRole("link", { name: "History and revisions" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/articles/${id}/history`));
  const changes = page.getByRole("region", { name: "Changes to Body" });
  await expect(changes.locator("del").first()).toHaveText("33");
  await expect(changes.locator("ins").first()).toHaveText("30");
  await expect(changes.locator("ins").filter({ hasText: "lowest in eleven years" })).toBeVisible();

  await page.getByRole("button", { name: "Restore version 1" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/articles/${id}\\?restored=1`));
  await expect(page.getByText("Version 1 was restored as a new revision.")).toBeVisible();
  await expect(await bodyEditor(page)).toHaveText("The reservoir stands at 33 percent.");

  // The restore is a new revision on top; the rewritten text stays in the history, one step back.
  await page.getByRole("link", { name: "History and revisions" }).click();
  await expect(page.getByRole("list", { name: "Versions, newest first" }).getByRole("listitem").first()).toContainText("restored an earlier version");
  const undo = page.getByRole("region", { name: "Changes to Body" });
  await expect(undo.locator("del").first()).toHaveText("30");
  await expect(undo.locator("ins").first()).toHaveText("33");
});
