import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./support/staff";
import { bodyEditor, expectMessage, press, storyId, typeInBody, uniqueTitle } from "./support/editor";

test.use({ storageState: storageStatePath("WRITER") });

/** Server actions are POSTs carrying a Next-Action header; everything else passes. */
async function failSaves(page: Page, how: "answer 500" | "drop the connection"): Promise<void> {
  await page.route("**/dashboard/articles/**", async (route) => {
    if (!route.request().headers()["next-action"]) return route.continue();
    return how === "answer 500" ? route.fulfill({ status: 500, body: "Internal Server Error" }) : route.abort("internetdisconnected");
  });
}

test("a save that fails keeps the text, offers Retry, and survives a crash of the tab", async ({ context }) => {
  const title = uniqueTitle("Kept through a failed save");
  let page = await context.newPage();
  await failSaves(page, "answer 500");
  await page.goto("/dashboard/articles/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  const body = await bodyEditor(page);
  await body.click();
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Heading", exact: true }).click();
  await page.keyboard.type("Nothing typed here is lost");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Even when the server fails.");
  await press(page, "Save draft");

  await expectMessage(page, "The save did not go through");
  await expectMessage(page, "Your changes are kept in this browser until the server has them.");
  await expect(page.getByRole("button", { name: "Retry", exact: true })).toBeVisible();
  await expect(page.getByText(/reload/i)).toHaveCount(0);
  await expect(body.getByRole("heading", { name: "Nothing typed here is lost" })).toBeVisible();

  // The tab dies without a chance to ask anything; the writer opens a new story again.
  await page.close({ runBeforeUnload: false });
  page = await context.newPage();
  await page.goto("/dashboard/articles/new");
  const kept = page.getByRole("region", { name: "Unsaved changes kept in this browser" });
  await expect(kept).toContainText(title);
  await kept.getByRole("button", { name: "Restore unsaved changes" }).click();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  const restored = await bodyEditor(page);
  await expect(restored.getByRole("heading", { name: "Nothing typed here is lost" })).toBeVisible();
  await expect(restored).toContainText("Even when the server fails.");
  await press(page, "Save draft");
  await expectMessage(page, "Draft saved.");
  const id = await storyId(page);

  // A stored story: the connection drops during a save, and Retry sends it once it is back.
  await failSaves(page, "drop the connection");
  await typeInBody(page, " Added while offline.");
  await press(page, "Save draft");
  await expect(page.getByRole("button", { name: "Retry", exact: true })).toBeVisible();
  await page.unrouteAll();
  await page.getByRole("button", { name: "Retry", exact: true }).click();
  await expectMessage(page, "Draft saved.");

  // The server has everything now: reopening offers no copy, and shows what was typed.
  await page.goto(`/dashboard/articles/${id}`);
  await expect(await bodyEditor(page)).toContainText("Even when the server fails. Added while offline.");
  await expect(page.getByRole("region", { name: "Unsaved changes kept in this browser" })).toHaveCount(0);
  await page.goto("/dashboard/articles/new");
  await expect(await bodyEditor(page)).toBeVisible();
  await expect(page.getByRole("region", { name: "Unsaved changes kept in this browser" })).toHaveCount(0);
});
