import { expect, test as setup } from "@playwright/test";
import type { Role } from "../lib/generated/prisma/enums";
import { e2eStaff, storageStatePath } from "./support/staff";

// One signed-in browser state per role, reused by the feature specs.
for (const role of Object.keys(e2eStaff) as Role[]) {
  setup(`sign in as ${role.toLowerCase()}`, async ({ page }) => {
    const account = e2eStaff[role];
    await page.goto("/login");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
