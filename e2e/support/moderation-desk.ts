import { expect, type Browser } from "@playwright/test";
import { approvedCommentsSaying } from "./newsroom-data";
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
  const approvedBefore = await approvedCommentsSaying(text);
  for (let approved = 0; approved < expected; approved += 1) {
    await rows.first().getByRole("button", { name: "Approve", exact: true }).click();
    await expect(rows).toHaveCount(expected - approved - 1);
  }
  // The desk takes a row away as soon as it is decided and sends the decisions one after another: leaving the
  // page before the last is stored would cancel the ones still queued, so stay until the database has them all.
  await expect.poll(() => approvedCommentsSaying(text), { timeout: 30_000 }).toBe(approvedBefore + expected);
  // The Approved queue shows what the server has stored.
  await expect(async () => {
    await desk.goto(`/dashboard/moderation?queue=approved&q=${encodeURIComponent(text)}`);
    await expect(rows).toHaveCount(expected, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await moderator.close();
}
