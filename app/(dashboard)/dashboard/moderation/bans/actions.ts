"use server";

import { revalidatePath } from "next/cache";
import { staffFormAction } from "@/lib/actions/staff-action";
import { createBan, liftBan } from "@/lib/services/bans";
import { banFormSchema, liftBanSchema } from "@/lib/validation/moderation";

export const createBanAction = staffFormAction("commenter:ban", banFormSchema, async (input, user) => {
  const result = await createBan({ email: input.email, ipHash: input.ipHash, reason: input.reason, spamPending: false }, user);
  revalidatePath("/dashboard/moderation/bans");
  return { status: "success", message: result.message };
});

export const liftBanAction = staffFormAction("commenter:ban", liftBanSchema, async (input, user) => {
  await liftBan(input.banId, user);
  revalidatePath("/dashboard/moderation/bans");
  return { status: "success", message: "Ban lifted." };
});
