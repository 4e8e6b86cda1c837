import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./support/staff";
import { expectMessage, publishFirstTime, slugOf, startStory, uniqueTitle } from "./support/editor";

test.use({ storageState: storageStatePath("EDITOR") });

async function cite(page: Page, citation: { search: string; option: string | RegExp; claim: string; fact: string; value: string }) {
  await page.getByRole("button", { name: "Cite a source" }).click();
  await page.getByRole("combobox", { name: "Source", exact: true }).fill(citation.search);
  await page.getByRole("option", { name: citation.option }).click();
  await page.getByLabel("Claim", { exact: true }).fill(citation.claim);
  await page.getByLabel("Fact", { exact: true }).fill(citation.fact);
  await page.getByLabel("Value", { exact: true }).fill(citation.value);
  await page.getByRole("button", { name: "Add citation" }).click();
}

test("citations with different values for one fact render “Reports differ” on the public page", async ({ page }) => {
  const agency = uniqueTitle("Coastal Wire Agency");
  await startStory(page, { title: uniqueTitle("Flood toll disputed"), body: "Two reports give different numbers." });

  // A source that is not in the registry yet is added without leaving the story.
  await page.getByRole("button", { name: "Cite a source" }).click();
  await page.getByRole("combobox", { name: "Source", exact: true }).fill(agency);
  await page.getByRole("option", { name: `Add “${agency}” as a new source` }).click();
  await page.getByLabel("Kind", { exact: true }).selectOption({ label: "News agency" });
  await page.getByLabel("Short name", { exact: true }).fill("CWA");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("combobox", { name: "Source", exact: true })).toHaveValue(`${agency} (CWA)`);
  await page.getByLabel("Claim", { exact: true }).fill("12 people died in the floods");
  await page.getByLabel("Fact", { exact: true }).fill("flood deaths");
  await page.getByLabel("Value", { exact: true }).fill("12");
  await page.getByRole("button", { name: "Add citation" }).click();

  // A source already in the registry (from the demo story) is found by name.
  await cite(page, { search: "Iraqi", option: /Iraqi News/, claim: "At least 15 people died", fact: "flood deaths", value: "15" });

  await expect(page.getByText("Readers will see “Reports differ” on the flood deaths")).toBeVisible();
  await publishFirstTime(page);
  await expectMessage(page, "Published. The story is on the site now.");
  const slug = await slugOf(page);

  await page.goto(`/articles/${slug}`);
  const differ = page.getByRole("note", { name: "Reports differ on the flood deaths" });
  await expect(differ).toContainText("12");
  await expect(differ).toContainText("CWA");
  await expect(differ).toContainText("15");
  await expect(differ).toContainText("Iraqi News");
  const sources = page.getByRole("region", { name: "Sources" });
  await expect(sources).toContainText(`${agency} (CWA)`);
  await expect(sources).toContainText("“At least 15 people died”");
});
