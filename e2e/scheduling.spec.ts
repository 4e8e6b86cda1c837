import { expect, test } from "@playwright/test";
import { toWallClockInput } from "../lib/dates";
import { storageStatePath } from "./support/staff";
import { expectMessage, press, slugOf, startStory, uniqueTitle } from "./support/editor";

test.use({ storageState: storageStatePath("EDITOR") });

test("a scheduled story appears on its page and the front page after its time, with nobody acting", async ({ page, request }) => {
  test.setTimeout(90_000);
  const title = uniqueTitle("Night ferry timetable changes");
  await startStory(page, { title, dek: "Goes live by itself.", body: "The night ferry will leave at 23:40 from next week." });

  // A few seconds from now on the newsroom's clock (UTC, the default), which is what the field means.
  const when = toWallClockInput(new Date(Date.now() + 8_000), "UTC");
  await page.getByLabel("Publish at", { exact: true }).fill(when);
  await press(page, "Schedule");
  await expectMessage(page, /^Scheduled: it goes live on/);
  const slug = await slugOf(page);

  // Not yet: readers get 404 (and that 404 may now sit in the page cache).
  expect((await request.get(`/articles/${slug}`)).status()).toBe(404);
  await page.goto("/dashboard/articles?status=SCHEDULED");
  await expect(page.getByRole("link", { name: title })).toBeVisible();

  // Nobody touches anything: the app's own scheduler publishes it and refreshes the cached pages.
  await expect.poll(async () => (await request.get(`/articles/${slug}`)).status(), { timeout: 45_000, intervals: [1_000] }).toBe(200);
  await page.goto(`/articles/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await page.goto("/");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test("a time in the past is refused on the Publish at field and the story stays a draft", async ({ page }) => {
  await startStory(page, { title: uniqueTitle("Too late to schedule"), body: "Body." });
  await page.getByLabel("Publish at", { exact: true }).fill("2020-01-01T09:00");
  await press(page, "Schedule");
  await expect(page.getByText("Pick a time in the future.").first()).toBeVisible();
  await expect(page.getByLabel("Publish at", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Publish at", { exact: true })).toHaveValue("2020-01-01T09:00");
});
