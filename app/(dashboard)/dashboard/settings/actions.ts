"use server";

import { revalidatePath } from "next/cache";
import { staffFormAction } from "@/lib/actions/staff-action";
import { revalidateEverything } from "@/lib/revalidate";
import { updateSetting } from "@/lib/services/settings";
import { moderationSettingsFormSchema, siteSettingsFormSchema } from "@/lib/validation/settings";

export const saveModerationSettingsAction = staffFormAction("settings:manage", moderationSettingsFormSchema, async ({ version, ...value }, user) => {
  const saved = await updateSetting("moderation", value, version, user);
  revalidatePath("/dashboard/settings");
  return { status: "success", message: saved.changed ? "Moderation rules saved." : "No changes to save." };
});

export const saveSiteSettingsAction = staffFormAction("settings:manage", siteSettingsFormSchema, async ({ version, ...value }, user) => {
  const saved = await updateSetting("site", value, version, user);
  // Every public page carries the site's name in its masthead.
  if (saved.changed) await revalidateEverything();
  revalidatePath("/dashboard/settings");
  return { status: "success", message: saved.changed ? "Site settings saved." : "No changes to save." };
});
