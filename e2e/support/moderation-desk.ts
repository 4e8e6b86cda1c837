import { expect, type Browser } from "@playwright/test";
import { storageStatePath } from "./staff";

/**
 * A moderator, in a browser of their own, approves from the Pending queue
 * every comment that says `text` — the real path, so the story's cached page
 * is revalidated exactly as in production.
 */
export async function approveInDesk(browser: Browser, text: string, expected = 1): Promise<void> {
  const moderator = await browser.newContext({ storageState: storageStatePath("MODERATOR") });
  const desk = await moderator.newPage();
  await desk.goto(`/dashboard/moderation?q=${encodeURIComponent(text)}`);
  const rows = desk.getByRole("article").filter({ hasText: text });
  await expect(rows).toHaveCount(expected);
  // The desk takes a row away as soon as it is decided and sends the decisions one after another; leaving
  // the page before the last answer arrives would cancel the ones still queued. So count the answers.
  let answered = 0;
  desk.on("requestfinished", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) answered += 1;
  });
  for (let approved = 0; approved < expected; approved += 1) {
    await rows.first().getByRole("button", { name: "Approve", exact: true }).click();
    await expect(rows).toHaveCount(expected - approved - 1);
  }
  await expect.poll(() => answered, { timeout: 30_000 }).toBeGreaterThanOrEqual(expected);
  // The Approved queue shows what the server has stored.
  await expect(async () => {
    await desk.goto(`/dashboard/moderation?queue=approved&q=${encodeURIComponent(text)}`);
    await expect(rows).toHaveCount(expected, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await moderator.close();
}
