import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/staff";
import { uniqueTitle } from "./support/editor";

test.describe("the source registry", () => {
  test.use({ storageState: storageStatePath("EDITOR") });

  test("an editor adds two entries for one source and merges the duplicate", async ({ page }) => {
    const keep = uniqueTitle("Metro Daily");
    const duplicate = `${keep} (dup)`;
    for (const name of [keep, duplicate]) {
      await page.goto("/dashboard/sources/new");
      await page.getByLabel("Name", { exact: true }).fill(name);
      await page.getByLabel("Kind", { exact: true }).selectOption({ label: "News outlet" });
      await page.getByLabel("Staff notes", { exact: true }).fill("Check with the night desk.");
      await page.getByRole("button", { name: "Add source" }).click();
      await expect(page.getByText("Source added to the registry.")).toBeVisible();
    }
    await page.getByLabel("Name contains").fill(keep);
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: duplicate }).click();

    await page.getByRole("combobox", { name: "Merge into" }).fill(keep);
    await page.getByRole("option", { name: keep }).first().click();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Merge", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(keep);
    await expect(page.getByText(/^Merged:/)).toBeVisible();

    await page.goto(`/dashboard/sources?q=${encodeURIComponent(keep)}`);
    await expect(page.getByRole("table", { name: "Sources" }).getByRole("row")).toHaveCount(2);
  });
});

test.describe("as a writer", () => {
  test.use({ storageState: storageStatePath("WRITER") });

  test("can add to the registry but not edit its entries", async ({ page }) => {
    await page.goto("/dashboard/sources?q=Iraqi");
    const table = page.getByRole("table", { name: "Sources" });
    await expect(table).toContainText("Iraqi News");
    // Listed, but not a link to the edit page…
    await expect(table.getByRole("link", { name: "Iraqi News" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "New source" })).toBeVisible();
    expect((await page.goto("/dashboard/sources/new"))?.status()).toBe(200);
  });
});
